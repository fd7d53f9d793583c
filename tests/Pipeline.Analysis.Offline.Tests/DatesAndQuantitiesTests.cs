namespace Pipeline.Analysis.Offline.Tests;

/// <summary>
/// Dates and quantities in German, French, Spanish, Italian, Dutch and Portuguese, read by the words of
/// Microsoft.Recognizers.Definitions: sentences written for this test, not taken from the gold sets.
/// </summary>
public class DatesAndQuantitiesTests
{
    private static readonly OfflineTextAnalyzer Analyzer = new();

    [Theory]
    [InlineData("de", "Die Fabrik schließt am 14. März 2027, teilte der Konzern am Donnerstag mit.", "14. März 2027|Date", "Donnerstag|Date")]
    [InlineData("de", "Der Umsatz stieg in diesem Jahr um 4,2 Prozent auf 3,5 Milliarden Euro.", "diesem Jahr|DateRange", "4,2 Prozent|Percentage", "3,5 Milliarden Euro|Currency")]
    [InlineData("fr", "Le chantier durera trois ans et coûtera 12,6 milliards d'euros, a annoncé la mairie mardi.", "trois ans|Duration", "12,6 milliards d'euros|Currency", "mardi|Date")]
    [InlineData("fr", "Le chômage a reculé de 0,3 pour cent en novembre.", "0,3 pour cent|Percentage", "novembre|DateRange")]
    [InlineData("fr", "La commune de 6 500 habitants a accueilli 12 000 visiteurs en 2019 et 300 bénévoles.", "6 500|Number", "12 000|Number", "2019|Date", "300|Number")]
    [InlineData("es", "La huelga empezó el 22 de noviembre de 2025 y costó 450 millones de euros.", "22 de noviembre de 2025|Date", "450 millones de euros|Currency")]
    [InlineData("es", "El Gobierno aprobó este miércoles un recorte del 2,1 por ciento.", "este miércoles|Date", "2,1 por ciento|Percentage")]
    [InlineData("it", "Lo sciopero di due giorni è previsto per il 10 febbraio, con perdite di 85 milioni di euro.", "due giorni|Duration", "10 febbraio|Date", "85 milioni di euro|Currency")]
    [InlineData("nl", "Het kabinet trekt volgend jaar 32 miljard euro uit, een stijging van 6 procent, zei de minister woensdag.", "volgend jaar|DateRange", "32 miljard euro|Currency", "6 procent|Percentage", "woensdag|Date")]
    [InlineData("pt", "A greve de três semanas terminou esta terça-feira, com perdas de 900 milhões de euros.", "três semanas|Duration", "esta terça-feira|Date", "900 milhões de euros|Currency")]
    [InlineData("pt", "O Grêmio venceu por 3 a 1 e o bilhete passa a custar R$ 5,40.", "3 a 1|Number", "R$ 5,40|Currency")]
    [InlineData("es", "El Betis ganó 2 a 1 y la máxima irá de 10 a 15 grados en 3 a 4 días.", "2 a 1|Number", "10|Number", "15|Number", "3|Number", "4 días|Duration")]
    public void Reads_dates_and_amounts_in_the_language_of_the_text(string language, string text, params string[] expected)
    {
        var found = Analyzer.Analyze(new AnalysisDocument("1", text, language)).Entities
            .Where(e => e.Category is "DateTime" or "Quantity").Select(e => $"{e.Text}|{e.Subcategory}").ToList();
        Assert.Equal(expected, found);
    }

    [Theory]
    [InlineData("it", "La ricercatrice Elena Aprile ha detto che sei anni fa era prima in classifica.", "Aprile", "sei")]
    [InlineData("es", "El tenor Plácido Domingo cantó en el Hospital 12 de Octubre.", "Domingo", "Octubre")]
    [InlineData("fr", "Le projet a été présenté par la ministre, avec un bâtiment neuf.", "été", "neuf")]
    public void Leaves_names_and_function_words_that_look_like_dates_or_numbers(string language, string text, params string[] notDates)
    {
        var entities = Analyzer.Analyze(new AnalysisDocument("1", text, language)).Entities;
        foreach (string word in notDates)
            Assert.DoesNotContain(entities, e => e.Category is "DateTime" or "Quantity" && e.Text.Contains(word, StringComparison.Ordinal));
    }

    [Fact]
    public void An_institution_written_in_lower_case_ends_before_a_month()
    {
        var entities = Analyzer.Analyze(new AnalysisDocument("1", "La loi a été adoptée par l'Assemblée nationale en novembre.", "fr")).Entities;
        Assert.Contains(entities, e => e.Text == "Assemblée nationale" && e.Category == "Organization");
        Assert.Contains(entities, e => e.Text == "novembre" && e.Category == "DateTime");
    }
}
