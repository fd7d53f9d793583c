using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Pipeline.Analysis.AzureLanguage;

/// <summary>The four analyses the pipeline asks for; the names are the REST <c>kind</c> values.</summary>
public enum LanguageKind { LanguageDetection, EntityRecognition, SentimentAnalysis, KeyPhraseExtraction }

/// <summary>The synchronous API's documented limits (data-limits page, 2023-04-01); the client and the emulator share them.</summary>
public static class LanguageLimits
{
    public const int MaxDocumentTextElements = AnalysisLimits.MaxDocumentTextElements;

    /// <summary>"1 MB" read conservatively as 10^6 bytes of request body.</summary>
    public const int MaxRequestBytes = 1_000_000;

    /// <summary>One billed text record covers up to this many characters of one document, per feature.</summary>
    public const int CharactersPerTextRecord = 1000;

    public const string Path = "/language/:analyze-text";
    public const string BillingHeader = "csp-billing-usage";
    public const string TextRecordsMeter = "CognitiveServices.TextAnalytics.TextRecords";

    public static int DocumentsPerRequest(LanguageKind kind) => kind switch
    {
        LanguageKind.EntityRecognition => 5,
        LanguageKind.SentimentAnalysis => 10,
        LanguageKind.KeyPhraseExtraction => 10,
        LanguageKind.LanguageDetection => 1000,
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    public static int TextRecords(int textElements) => Math.Max(1, (textElements + CharactersPerTextRecord - 1) / CharactersPerTextRecord);
}

// The wire shapes of POST /language/:analyze-text (analyzetext.json, 2023-04-01): the fields the pipeline uses, plus
// the ones the emulator answers (warnings, statistics, opinion-mining targets and assessments) so both speak one contract.
// One response document type carries every kind's fields; each kind fills its own.

public sealed record AnalyzeTextRequest(LanguageKind Kind, TaskParameters Parameters, AnalysisInput AnalysisInput);

/// <summary><c>opinionMining</c> is sent with SentimentAnalysis only (null leaves it out of the other kinds' requests).</summary>
public sealed record TaskParameters(string ModelVersion, string StringIndexType, bool LoggingOptOut, bool? OpinionMining = null);

public sealed record AnalysisInput(IReadOnlyList<InputDocument> Documents);

public sealed record InputDocument(string Id, string Text, string? Language = null, string? CountryHint = null);

public sealed record AnalyzeTextResponse(string Kind, TaskResults Results);

public sealed record TaskResults(string? ModelVersion, IReadOnlyList<DocumentError>? Errors, IReadOnlyList<ResultDocument>? Documents, RequestStatistics? Statistics = null);

/// <summary>Present with <c>showStats=true</c>; erroneous documents count in <c>documentsCount</c> but bill no transactions.</summary>
public sealed record RequestStatistics(int DocumentsCount, int ValidDocumentsCount, int ErroneousDocumentsCount, int TransactionsCount);

public sealed record DocumentError(string Id, ServiceError Error);

public sealed record ServiceError(string? Code, string? Message, ServiceError? Innererror = null)
{
    /// <summary>The most specific code: the inner one (InvalidDocument, InvalidDocumentBatch, ...) when present.</summary>
    [JsonIgnore]
    public string? SpecificCode => Innererror?.Code ?? Code;

    [JsonIgnore]
    public string? SpecificMessage => Innererror?.Message ?? Message;
}

public sealed record ErrorResponse(ServiceError? Error);

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

public sealed record DocumentWarning(string Code, string Message);

public sealed record DocumentStatistics(int CharactersCount, int TransactionsCount);

public sealed record DetectedLanguageResult(string Name, string Iso6391Name, double ConfidenceScore);

public sealed record ScoresResult(double Positive, double Neutral, double Negative);

/// <summary><c>targets</c> and <c>assessments</c> come with <c>opinionMining: true</c> only (then possibly empty).</summary>
public sealed record SentenceResult(string Text, string Sentiment, ScoresResult ConfidenceScores, int Offset, int Length,
    IReadOnlyList<SentenceTarget>? Targets = null, IReadOnlyList<SentenceAssessment>? Assessments = null);

/// <summary>What an opinion is about; <c>relations</c> point at the sentence's assessments (<c>#/documents/0/sentences/0/assessments/0</c>).</summary>
public sealed record SentenceTarget(string Sentiment, OpinionScores ConfidenceScores, int Offset, int Length, string Text, IReadOnlyList<TargetRelation> Relations);

public sealed record SentenceAssessment(string Sentiment, OpinionScores ConfidenceScores, int Offset, int Length, string Text, bool IsNegated);

public sealed record TargetRelation(string RelationType, string Ref);

/// <summary>Targets and assessments have no neutral score.</summary>
public sealed record OpinionScores(double Positive, double Negative);

public sealed record EntityResult(string Text, string Category, string? Subcategory, int Offset, int Length, double ConfidenceScore);

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
