namespace Pipeline.Analysis.AzureLanguage;

/// <summary>
/// Puts EntityLinking's answer on EntityRecognition's mentions of the same document. A mention takes the linked entity
/// whose match overlaps it by at least three quarters of the longer of the two spans (the same span, give or take an
/// edge: "the United States" and "United States"), the largest overlap first, then the most confident match. So a
/// linked "California" is not put on a recognised "University of California, Berkeley", nor the other way round.
/// The canonical id is <c>{data source in lower case}:{the source's id}</c>: <c>wikipedia:Bill Gates</c>.
/// </summary>
internal static class EntityLinks
{
    public static IReadOnlyList<EntityMention> Apply(IReadOnlyList<EntityMention> mentions, IReadOnlyList<EntityResult> linked)
    {
        var matches = linked
            .Select(entity => (Entity: Canonical(entity), entity.Matches))
            .Where(l => l.Entity is not null && l.Matches is not null)
            .SelectMany(l => l.Matches!.Select(match => (Canonical: l.Entity!, Match: match)))
            .ToList();
        if (matches.Count == 0)
            return mentions;
        return mentions.Select(mention =>
        {
            var best = matches
                .Select(m => (m.Canonical, m.Match.ConfidenceScore, Overlap: Overlap(mention.Offset, mention.Length, m.Match.Offset, m.Match.Length), Longer: Math.Max(mention.Length, m.Match.Length)))
                .Where(m => 4 * m.Overlap >= 3 * m.Longer && m.Overlap > 0)
                .OrderByDescending(m => m.Overlap).ThenByDescending(m => m.ConfidenceScore)
                .FirstOrDefault();
            return best.Canonical is null ? mention : mention with { Canonical = best.Canonical };
        }).ToList();
    }

    private static int Overlap(int offset, int length, int otherOffset, int otherLength) =>
        Math.Max(0, Math.Min(offset + length, otherOffset + otherLength) - Math.Max(offset, otherOffset));

    /// <summary>Null for an entity without a usable data source, id or name: no id can be made of it.</summary>
    private static CanonicalEntity? Canonical(EntityResult entity)
    {
        string source = new((entity.DataSource ?? "").Where(char.IsAsciiLetterOrDigit).Select(char.ToLowerInvariant).ToArray());
        return source.Length == 0 || string.IsNullOrWhiteSpace(entity.Id) || string.IsNullOrWhiteSpace(entity.Name)
            ? null
            : new CanonicalEntity($"{source}:{entity.Id}", entity.Name, source);
    }
}
