using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Pipeline.Analysis.AzureLanguage;

/// <summary>The analyses the pipeline asks for; the names are the REST <c>kind</c> values.</summary>
public enum LanguageKind
{
    /// <summary>Which language a document is in.</summary>
    LanguageDetection,

    /// <summary>Named entities (people, places, organisations, dates, quantities, ...) with their offsets.</summary>
    EntityRecognition,

    /// <summary>Document and sentence sentiment, and with opinion mining the targets and assessments of opinions.</summary>
    SentimentAnalysis,

    /// <summary>The main talking points of a document.</summary>
    KeyPhraseExtraction,

    /// <summary>Entities linked to a knowledge base (Wikipedia): one entry per entity, with every span that names it.</summary>
    EntityLinking,
}

/// <summary>The synchronous API's documented limits (data-limits page, 2023-04-01); the client and the emulator share them.</summary>
public static class LanguageLimits
{
    /// <summary>Longest document the service accepts, in text elements (grapheme clusters).</summary>
    public const int MaxDocumentTextElements = AnalysisLimits.MaxDocumentTextElements;

    /// <summary>"1 MB" read conservatively as 10^6 bytes of request body.</summary>
    public const int MaxRequestBytes = 1_000_000;

    /// <summary>One billed text record covers up to this many characters (text elements) of one document, per feature.</summary>
    public const int CharactersPerTextRecord = 1000;

    /// <summary>The synchronous endpoint's path under the resource endpoint; <c>api-version</c> goes in the query.</summary>
    public const string Path = "/language/:analyze-text";

    /// <summary>Response header in which the service reports what it billed for the request.</summary>
    public const string BillingHeader = "csp-billing-usage";

    /// <summary>The meter in <see cref="BillingHeader"/> that counts text records (<c>CognitiveServices.TextAnalytics.TextRecords=N</c>).</summary>
    public const string TextRecordsMeter = "CognitiveServices.TextAnalytics.TextRecords";

    /// <summary>Most documents one request of <paramref name="kind"/> may carry.</summary>
    /// <param name="kind">The analysis.</param>
    /// <returns>The service's limit for that kind.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="kind"/> is not a defined <see cref="LanguageKind"/>.</exception>
    public static int DocumentsPerRequest(LanguageKind kind) => kind switch
    {
        LanguageKind.EntityRecognition => 5,
        LanguageKind.EntityLinking => 5,
        LanguageKind.SentimentAnalysis => 10,
        LanguageKind.KeyPhraseExtraction => 10,
        LanguageKind.LanguageDetection => 1000,
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    /// <summary>Text records one document bills per feature: one per started <see cref="CharactersPerTextRecord"/> text elements, at least one.</summary>
    /// <param name="textElements">The document's length in text elements.</param>
    /// <returns>The number of text records.</returns>
    public static int TextRecords(int textElements) => Math.Max(1, (textElements + CharactersPerTextRecord - 1) / CharactersPerTextRecord);
}

// The wire shapes of POST /language/:analyze-text (analyzetext.json, 2023-04-01): the fields the pipeline uses, plus
// the ones the emulator answers (warnings, statistics, opinion-mining targets and assessments) so both speak one contract.
// One response document type carries every kind's fields; each kind fills its own.

/// <summary>The request body: one kind of analysis over a batch of documents.</summary>
/// <param name="Kind">The analysis, sent as its name (<c>"EntityRecognition"</c>).</param>
/// <param name="Parameters">The task's parameters.</param>
/// <param name="AnalysisInput">The documents.</param>
public sealed record AnalyzeTextRequest(LanguageKind Kind, TaskParameters Parameters, AnalysisInput AnalysisInput);

/// <summary><c>opinionMining</c> is sent with SentimentAnalysis only (null leaves it out of the other kinds' requests).</summary>
/// <param name="ModelVersion"><c>latest</c>, or a dated model version to pin results.</param>
/// <param name="StringIndexType">
/// The unit of every offset and length in the response: <c>TextElements_v8</c> (the service's default), <c>UnicodeCodePoint</c>
/// or <c>Utf16CodeUnit</c>. The pipeline sends <c>Utf16CodeUnit</c>, so offsets are .NET string indexes.
/// </param>
/// <param name="LoggingOptOut">True asks the service not to log the text for troubleshooting.</param>
/// <param name="OpinionMining">True asks SentimentAnalysis for the targets and assessments of opinions in each sentence.</param>
public sealed record TaskParameters(string ModelVersion, string StringIndexType, bool LoggingOptOut, bool? OpinionMining = null);

/// <summary>The documents of a request.</summary>
/// <param name="Documents">At most <see cref="LanguageLimits.DocumentsPerRequest"/> of the kind, with ids unique within the request.</param>
public sealed record AnalysisInput(IReadOnlyList<InputDocument> Documents);

/// <summary>One document to analyse.</summary>
/// <param name="Id">The caller's id for the document, unique within the request; results and errors name it.</param>
/// <param name="Text">The text, at most <see cref="LanguageLimits.MaxDocumentTextElements"/> text elements.</param>
/// <param name="Language">ISO 639-1 code of the text's language, for every kind but LanguageDetection; null leaves the service's default, English.</param>
/// <param name="CountryHint">LanguageDetection's ISO 3166-1 country hint; the pipeline sends none.</param>
public sealed record InputDocument(string Id, string Text, string? Language = null, string? CountryHint = null);

/// <summary>The response body of a successful request.</summary>
/// <param name="Kind">The results' kind: the request's kind followed by <c>Results</c> (<c>"EntityRecognitionResults"</c>).</param>
/// <param name="Results">The per-document results and errors.</param>
public sealed record AnalyzeTextResponse(string Kind, TaskResults Results);

/// <summary>What the service answered for a request's documents: each document appears in exactly one of the two lists.</summary>
/// <param name="ModelVersion">The model that produced the results.</param>
/// <param name="Errors">Documents the service refused, each with its error.</param>
/// <param name="Documents">Documents analysed.</param>
/// <param name="Statistics">Request statistics; present with <c>showStats=true</c>.</param>
public sealed record TaskResults(string? ModelVersion, IReadOnlyList<DocumentError>? Errors, IReadOnlyList<ResultDocument>? Documents, RequestStatistics? Statistics = null);

/// <summary>Present with <c>showStats=true</c>; erroneous documents count in <c>documentsCount</c> but bill no transactions.</summary>
/// <param name="DocumentsCount">Documents in the request.</param>
/// <param name="ValidDocumentsCount">Documents analysed.</param>
/// <param name="ErroneousDocumentsCount">Documents refused.</param>
/// <param name="TransactionsCount">Text records billed for the request.</param>
public sealed record RequestStatistics(int DocumentsCount, int ValidDocumentsCount, int ErroneousDocumentsCount, int TransactionsCount);

/// <summary>A document the service refused, while the rest of the request succeeded.</summary>
/// <param name="Id">The refused document's id.</param>
/// <param name="Error">Why it was refused.</param>
public sealed record DocumentError(string Id, ServiceError Error);

/// <summary>An error as the service reports it: a general code with, often, a more specific inner error.</summary>
/// <param name="Code">The general code (<c>InvalidArgument</c>, <c>InvalidRequest</c>, <c>Unauthorized</c>, ...).</param>
/// <param name="Message">The service's explanation.</param>
/// <param name="Innererror">The specific error (<c>InvalidDocument</c>, <c>UnsupportedLanguageCode</c>, ...), when the service gives one; spelt <c>innererror</c> on the wire.</param>
public sealed record ServiceError(string? Code, string? Message, ServiceError? Innererror = null)
{
    /// <summary>The most specific code: the inner one (InvalidDocument, InvalidDocumentBatch, ...) when present.</summary>
    [JsonIgnore]
    public string? SpecificCode => Innererror?.Code ?? Code;

    /// <summary>The most specific message: the inner one when present.</summary>
    [JsonIgnore]
    public string? SpecificMessage => Innererror?.Message ?? Message;
}

/// <summary>The body of a failed request (4xx, 5xx).</summary>
/// <param name="Error">The error; null when the body did not carry one.</param>
public sealed record ErrorResponse(ServiceError? Error);

/// <summary>One document's results. Every kind's fields are here; each kind fills its own and leaves the others null.</summary>
/// <param name="Id">The document's id, as sent.</param>
/// <param name="DetectedLanguage">LanguageDetection: the language found.</param>
/// <param name="Sentiment">SentimentAnalysis: <c>positive</c>, <c>neutral</c>, <c>negative</c> or <c>mixed</c>.</param>
/// <param name="ConfidenceScores">SentimentAnalysis: the document's scores.</param>
/// <param name="Sentences">SentimentAnalysis: each sentence's sentiment, in document order.</param>
/// <param name="Entities">EntityRecognition: the entity mentions; EntityLinking: the linked entities, each with its matches.</param>
/// <param name="KeyPhrases">KeyPhraseExtraction: the key phrases.</param>
/// <param name="Warnings">Anything the service noticed without refusing the document (a long document truncated, for instance).</param>
/// <param name="Statistics">Document statistics; present with <c>showStats=true</c>.</param>
public sealed record ResultDocument(
    string Id,
    DetectedLanguageResult? DetectedLanguage = null,
    string? Sentiment = null,
    ScoresResult? ConfidenceScores = null,
    IReadOnlyList<SentenceResult>? Sentences = null,
    IReadOnlyList<EntityResult>? Entities = null,
    IReadOnlyList<string>? KeyPhrases = null,
    IReadOnlyList<DocumentWarning>? Warnings = null,
    DocumentStatistics? Statistics = null);

/// <summary>A warning about a document that was still analysed.</summary>
/// <param name="Code">The warning's code (<c>LongWordsInDocument</c>, <c>DocumentTruncated</c>).</param>
/// <param name="Message">The service's explanation.</param>
public sealed record DocumentWarning(string Code, string Message);

/// <summary>What one document counted for.</summary>
/// <param name="CharactersCount">The document's length in text elements.</param>
/// <param name="TransactionsCount">Text records the document billed.</param>
public sealed record DocumentStatistics(int CharactersCount, int TransactionsCount);

/// <summary>The language LanguageDetection found.</summary>
/// <param name="Name">The language's English name (<c>English</c>), or <c>(Unknown)</c>.</param>
/// <param name="Iso6391Name">ISO 639-1 code (<c>en</c>), or <c>(Unknown)</c> for text the service cannot place.</param>
/// <param name="ConfidenceScore">Confidence in [0, 1].</param>
public sealed record DetectedLanguageResult(string Name, string Iso6391Name, double ConfidenceScore);

/// <summary>Sentiment confidence scores, each in [0, 1], summing to 1.</summary>
/// <param name="Positive">Confidence that the text is positive.</param>
/// <param name="Neutral">Confidence that the text is neutral.</param>
/// <param name="Negative">Confidence that the text is negative.</param>
public sealed record ScoresResult(double Positive, double Neutral, double Negative);

/// <summary><c>targets</c> and <c>assessments</c> come with <c>opinionMining: true</c> only (then possibly empty).</summary>
/// <param name="Text">The sentence's text.</param>
/// <param name="Sentiment"><c>positive</c>, <c>neutral</c> or <c>negative</c>.</param>
/// <param name="ConfidenceScores">The sentence's scores.</param>
/// <param name="Offset">Start of the sentence in the document's text, in the request's <see cref="TaskParameters.StringIndexType"/> units.</param>
/// <param name="Length">Length of the sentence, in the same units.</param>
/// <param name="Targets">What the sentence's opinions are about.</param>
/// <param name="Assessments">The sentence's opinions.</param>
public sealed record SentenceResult(string Text, string Sentiment, ScoresResult ConfidenceScores, int Offset, int Length,
    IReadOnlyList<SentenceTarget>? Targets = null, IReadOnlyList<SentenceAssessment>? Assessments = null);

/// <summary>What an opinion is about; <c>relations</c> point at the sentence's assessments (<c>#/documents/0/sentences/0/assessments/0</c>).</summary>
/// <param name="Sentiment"><c>positive</c>, <c>mixed</c> or <c>negative</c>: the assessments' verdict on it.</param>
/// <param name="ConfidenceScores">The target's scores.</param>
/// <param name="Offset">Start of the target in the document's text, in the request's <see cref="TaskParameters.StringIndexType"/> units.</param>
/// <param name="Length">Length of the target, in the same units.</param>
/// <param name="Text">The target's text.</param>
/// <param name="Relations">The assessments of this target.</param>
public sealed record SentenceTarget(string Sentiment, OpinionScores ConfidenceScores, int Offset, int Length, string Text, IReadOnlyList<TargetRelation> Relations);

/// <summary>An opinion about a target (<c>friendly</c> in "the staff were not friendly").</summary>
/// <param name="Sentiment"><c>positive</c>, <c>mixed</c> or <c>negative</c>, negation taken into account.</param>
/// <param name="ConfidenceScores">The assessment's scores.</param>
/// <param name="Offset">Start of the assessment in the document's text, in the request's <see cref="TaskParameters.StringIndexType"/> units.</param>
/// <param name="Length">Length of the assessment, in the same units.</param>
/// <param name="Text">The assessment's text.</param>
/// <param name="IsNegated">Whether the text negates it ("not friendly").</param>
public sealed record SentenceAssessment(string Sentiment, OpinionScores ConfidenceScores, int Offset, int Length, string Text, bool IsNegated);

/// <summary>A link from a target to one of its assessments.</summary>
/// <param name="RelationType"><c>assessment</c>.</param>
/// <param name="Ref">JSON pointer into the response to the assessment (<c>#/documents/0/sentences/0/assessments/0</c>).</param>
public sealed record TargetRelation(string RelationType, string Ref);

/// <summary>Targets and assessments have no neutral score.</summary>
/// <param name="Positive">Confidence that the opinion is positive, in [0, 1].</param>
/// <param name="Negative">Confidence that the opinion is negative, in [0, 1].</param>
public sealed record OpinionScores(double Positive, double Negative);

/// <summary>
/// An entity as the service reports it. EntityRecognition and EntityLinking both answer <c>entities</c> in different
/// shapes; like <see cref="ResultDocument"/>, this one type carries both, and each kind fills its own fields: a mention
/// (text, category, offset, ...) or a linked entity (name, matches, id, ...).
/// </summary>
/// <param name="Text">EntityRecognition: the mention as it appears in the document.</param>
/// <param name="Category">EntityRecognition: the entity category (Person, PersonType, Location, Organization, Event, Product, Skill, Address, PhoneNumber, Email, URL, IP, DateTime, Quantity).</param>
/// <param name="Subcategory">EntityRecognition: the finer category where there is one (a DateTime's <c>Date</c>, a Location's <c>GPE</c>); null otherwise.</param>
/// <param name="Offset">EntityRecognition: start of the mention in the document's text, in the request's <see cref="TaskParameters.StringIndexType"/> units.</param>
/// <param name="Length">EntityRecognition: length of the mention, in the same units.</param>
/// <param name="ConfidenceScore">EntityRecognition: confidence in [0, 1].</param>
/// <param name="Name">EntityLinking: the entity's name in the data source (the Wikipedia article's title).</param>
/// <param name="Matches">EntityLinking: every span of the document that names the entity.</param>
/// <param name="Language">EntityLinking: the language of the data source's entry (<c>en</c>: English Wikipedia).</param>
/// <param name="Id">EntityLinking: the entity's id in the data source (the Wikipedia article's title).</param>
/// <param name="Url">EntityLinking: the data source's page for the entity.</param>
/// <param name="DataSource">EntityLinking: where the entity is from (<c>Wikipedia</c>).</param>
/// <param name="BingId">EntityLinking: the entity's Bing Entity Search id.</param>
public sealed record EntityResult(
    string? Text = null,
    string? Category = null,
    string? Subcategory = null,
    int? Offset = null,
    int? Length = null,
    double? ConfidenceScore = null,
    string? Name = null,
    IReadOnlyList<LinkedEntityMatch>? Matches = null,
    string? Language = null,
    string? Id = null,
    string? Url = null,
    string? DataSource = null,
    string? BingId = null);

/// <summary>One span of a document that names a linked entity.</summary>
/// <param name="Text">The span's text.</param>
/// <param name="Offset">Start of the span in the document's text, in the request's <see cref="TaskParameters.StringIndexType"/> units.</param>
/// <param name="Length">Length of the span, in the same units.</param>
/// <param name="ConfidenceScore">Confidence that the span names the entity, in [0, 1].</param>
public sealed record LinkedEntityMatch(string Text, int Offset, int Length, double ConfidenceScore);

/// <summary>
/// Source-generated JSON for the wire contract: camelCase names, enums as their names (the REST <c>kind</c> values), nulls
/// left out so optional parameters are not sent. Read and write bodies with <see cref="Wire"/>.
/// </summary>
[JsonSourceGenerationOptions(
    JsonSerializerDefaults.Web,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    UseStringEnumConverter = true)]
[JsonSerializable(typeof(AnalyzeTextRequest))]
[JsonSerializable(typeof(AnalyzeTextResponse))]
[JsonSerializable(typeof(ErrorResponse))]
public sealed partial class LanguageJson : JsonSerializerContext
{
    /// <summary>
    /// Text goes out as UTF-8, not \uXXXX escapes: requests stay up to 3x smaller for non-Latin scripts, and the
    /// 1 MB batching works on the bytes actually sent. Safe: the body is never embedded in HTML.
    /// </summary>
    public static JsonSerializerOptions Wire { get; } = new(JsonSerializerDefaults.Web)
    {
        TypeInfoResolver = new LanguageJson(),
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Converters = { new JsonStringEnumConverter() },
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };
}
