namespace Pipeline.Contracts;

// The analysis values an enriched article carries, in Azure AI Language's terms.

public sealed record DetectedLanguage(string Iso6391Name, string Name, double ConfidenceScore);

public enum SentimentLabel { Positive, Neutral, Negative, Mixed }

/// <summary>Confidence scores that sum to 1.</summary>
public sealed record SentimentScores(double Positive, double Neutral, double Negative);

/// <summary>An entity mention with Azure AI Language's category names (Person, Location, Organization, ...).</summary>
public sealed record EntityMention(string Text, string Category, string? Subcategory, int Offset, int Length, double ConfidenceScore);
