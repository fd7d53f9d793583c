namespace Pipeline.Contracts;

// The analysis values an enriched article carries, in Azure AI Language's terms.

/// <summary>The language an article's text is in: as detected, or as the file declared it.</summary>
/// <param name="Iso6391Name">ISO 639-1 code (<c>en</c>), or <c>(Unknown)</c> as the Language service reports text it cannot place.</param>
/// <param name="Name">The language's English name (<c>English</c>).</param>
/// <param name="ConfidenceScore">Detection confidence in [0, 1]; 1 when the file declared its language and detection was skipped.</param>
public sealed record DetectedLanguage(string Iso6391Name, string Name, double ConfidenceScore);

/// <summary>A sentiment label; written in JSON as the Language service writes it, in camelCase (<c>"positive"</c>).</summary>
public enum SentimentLabel
{
    /// <summary>Positive.</summary>
    Positive,

    /// <summary>Neutral, or no sentiment to speak of.</summary>
    Neutral,

    /// <summary>Negative.</summary>
    Negative,

    /// <summary>
    /// Both positive and negative. An article is mixed only when positive and negative sentences each carry at least a
    /// fifth of its text: the service's rule (one sentence of each) would make nearly every long news article mixed.
    /// </summary>
    Mixed,
}

/// <summary>Confidence scores that sum to 1.</summary>
/// <param name="Positive">Confidence that the text is positive, in [0, 1].</param>
/// <param name="Neutral">Confidence that the text is neutral, in [0, 1].</param>
/// <param name="Negative">Confidence that the text is negative, in [0, 1].</param>
public sealed record SentimentScores(double Positive, double Neutral, double Negative);

/// <summary>An entity mention with Azure AI Language's category names (Person, Location, Organization, ...).</summary>
/// <param name="Text">The mention as it appears in the text.</param>
/// <param name="Category">Azure AI Language category: Person, PersonType, Location, Organization, Event, Product, Skill, Address, PhoneNumber, Email, URL, IP, DateTime or Quantity.</param>
/// <param name="Subcategory">The finer category where the service has one (a DateTime's <c>Date</c>, a Quantity's <c>Number</c>); null otherwise.</param>
/// <param name="Offset">Start of the mention in UTF-16 code units: into <see cref="EnrichedArticle.Text"/> in an enriched article, into the analysed document's text when an analyzer returns it.</param>
/// <param name="Length">Length of the mention in UTF-16 code units.</param>
/// <param name="ConfidenceScore">Confidence in [0, 1].</param>
/// <param name="Canonical">
/// The entity the mention refers to, set by the pipeline after analysis for the categories the summary counts, and null
/// for other categories. An analyzer that links entities (Azure AI Language's EntityLinking) may set it first; the
/// pipeline keeps that link but for names its country and alias tables list. Added within schemaVersion 1 (additive):
/// older documents have none.
/// </param>
public sealed record EntityMention(string Text, string Category, string? Subcategory, int Offset, int Length, double ConfidenceScore, CanonicalEntity? Canonical = null);

/// <summary>The canonical entity a mention refers to: mentions with one id are one entity ("US", "United States", "États-Unis").</summary>
/// <param name="Id">
/// The entity's id: <c>iso3166:{alpha-2}</c> for a country, the alias table's id (<c>org:esa</c>) for a listed entity,
/// <c>geonames:{geonameid}</c> for a city (<c>geonames:703448</c>, Kyiv), an analyzer's link <c>{data source in lower case}:{its id}</c>
/// (<c>wikipedia:Bill Gates</c>), else <c>{category in lower case}:{normalised name}</c> (<c>person:volodymyr-zelensky</c>).
/// </param>
/// <param name="Name">The entity's display name: the data's name, or the mention's text for an id made from text.</param>
/// <param name="Source">What linked it: <c>iso3166</c>, <c>aliases</c>, <c>geonames</c>, <c>article</c> (an acronym the article defines, a surname of a full name it uses), <c>text</c>, or <c>wikipedia</c> (Azure AI Language's entity linking).</param>
public sealed record CanonicalEntity(string Id, string Name, string Source);
