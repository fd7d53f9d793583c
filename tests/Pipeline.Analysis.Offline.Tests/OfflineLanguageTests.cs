using Pipeline.Analysis.Offline;

namespace Pipeline.Analysis.Offline.Tests;

public class OfflineLanguageTests
{
    private static readonly OfflineTextAnalyzer Analyzer = new();

    [Theory]
    [InlineData("en", "The government said on Monday that it would not raise taxes this year, but the opposition has doubts about the plan.")]
    [InlineData("de", "Die Regierung hat am Montag erklärt, dass sie die Steuern in diesem Jahr nicht erhöhen wird, aber die Opposition ist skeptisch.")]
    [InlineData("fr", "Le gouvernement a déclaré lundi qu'il n'augmenterait pas les impôts cette année, mais l'opposition doute de ce plan.")]
    [InlineData("es", "El gobierno dijo el lunes que no subirá los impuestos este año, pero la oposición tiene dudas sobre el plan.")]
    [InlineData("it", "Il governo ha detto lunedì che non aumenterà le tasse quest'anno, ma l'opposizione ha dei dubbi sul piano.")]
    [InlineData("pt", "O governo disse na segunda-feira que não vai aumentar os impostos este ano, mas a oposição tem dúvidas sobre o plano.")]
    [InlineData("nl", "De regering zei maandag dat zij de belastingen dit jaar niet zal verhogen, maar de oppositie heeft twijfels over het plan.")]
    [InlineData("ru", "Правительство заявило в понедельник, что не будет повышать налоги в этом году, но оппозиция сомневается в этом плане.")]
    [InlineData("uk", "Уряд заявив у понеділок, що не підвищуватиме податки цього року, але опозиція має сумніви щодо цього плану.")]
    [InlineData("pl", "Rząd oświadczył w poniedziałek, że nie podniesie podatków w tym roku, ale opozycja ma wątpliwości co do tego planu.")]
    [InlineData("ar", "قالت الحكومة يوم الاثنين إنها لن ترفع الضرائب هذا العام، لكن المعارضة لديها شكوك حول الخطة.")]
    [InlineData("zh", "政府周一表示今年不会提高税收，但反对派对该计划表示怀疑。")]
    [InlineData("ja", "政府は月曜日、今年は増税しないと発表したが、野党はその計画に疑問を呈している。")]
    public void Detects_the_language_of_a_short_paragraph(string expected, string text)
    {
        var language = Analyzer.Analyze(new AnalysisDocument("1", text, null)).Language;
        Assert.Equal(expected, language.Iso6391Name);
        Assert.InRange(language.ConfidenceScore, 0.5, 1);
        Assert.False(string.IsNullOrEmpty(language.Name));
    }

    [Fact]
    public void Honours_the_language_hint()
    {
        var analysis = Analyzer.Analyze(new AnalysisDocument("1", "The government said it would not raise taxes.", "de"));
        Assert.Equal("de", analysis.Language.Iso6391Name);
        Assert.Equal("German", analysis.Language.Name);
        Assert.Equal(1.0, analysis.Language.ConfidenceScore);
    }

    [Fact]
    public void Non_English_text_gets_gazetteer_names_and_neutral_sentiment()
    {
        var analysis = Analyzer.Analyze(new AnalysisDocument("1", "Die NATO und die Ukraine verhandeln in Berlin über neue Sicherheitsgarantien.", null));
        Assert.Equal("de", analysis.Language.Iso6391Name);
        Assert.Contains(analysis.Entities, e => e.Text == "NATO" && e.Category == "Organization");
        Assert.Contains(analysis.Entities, e => e.Text == "Ukraine" && e.Category == "Location");
        Assert.Contains(analysis.Entities, e => e.Text == "Berlin" && e.Category == "Location");
        Assert.Equal(SentimentLabel.Neutral, analysis.Sentiment.Label);
        Assert.NotEmpty(analysis.KeyPhrases);
    }
}
