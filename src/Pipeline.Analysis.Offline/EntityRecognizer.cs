using Pipeline.Analysis.Text;
namespace Pipeline.Analysis.Offline;

/// <summary>An entity found over tokens [Start, End).</summary>
internal readonly record struct Candidate(int Start, int End, string Category, string? Subcategory, double Confidence, string Rule = "")
{
    /// <summary>The key of the calibration table: which rule found it, and as what.</summary>
    public string CalibrationKey => Rule + "|" + Category;
}

/// <summary>
/// The shared gazetteer and a language's own names (places by local names), longest match first, then a local place in
/// the genitive ("Hamburgs") where the language makes one with "-s".
/// </summary>
internal readonly struct NameLookup(PhraseTrie shared, LanguageProfile profile)
{
    public bool TryMatch(string text, List<Token> tokens, int start, int limit, out int tokenCount, out PhraseEntry entry)
    {
        bool found = shared.TryMatch(text, tokens, start, limit, out tokenCount, out entry);
        if (profile.LocalNames is { } local && local.TryMatch(text, tokens, start, limit, out int localCount, out var localEntry) && localCount > tokenCount)
        {
            tokenCount = localCount;
            entry = localEntry;
            return true;
        }
        if (found || start >= limit) return found;
        tokenCount = 1;
        var word = text.AsSpan(tokens[start].Start, tokens[start].Length);
        return profile.TryGenitivePlace(word, out entry) || TryTitleCaseAcronym(word, out entry);
    }

    /// <summary>
    /// "la Cgil", "la Uefa", "el Ccoo": the press of these languages writes a listed acronym it can pronounce in title
    /// case. An ordinary word or a first name so written stays itself ("Nato a Roma", "Tim").
    /// </summary>
    private bool TryTitleCaseAcronym(ReadOnlySpan<char> word, out PhraseEntry entry)
    {
        entry = null!;
        if (profile.IsEnglish || word.Length is < 3 or > 6 || !char.IsUpper(word[0])) return false;
        foreach (char c in word[1..]) if (!char.IsLower(c)) return false;
        if (profile.TitleCaseAcronyms.TryGet(word, out var known)) return (entry = known!) is not null;
        Span<char> upper = stackalloc char[word.Length];
        word.ToUpperInvariant(upper);
        string written = word.ToString();
        bool found = TryMatchWord(upper, out entry) && entry.Category == EntityCategories.Organization && !profile.IsCommon(written) && !profile.IsFirstName(written);
        profile.TitleCaseAcronyms.Remember(word, found ? entry : null);
        return found;
    }

    /// <summary>One word as a name of its own, listed or in the language's local names.</summary>
    public bool TryMatchWord(ReadOnlySpan<char> word, out PhraseEntry entry) =>
        profile.LocalNames is { } local && local.TryMatchWord(word, out entry) || shared.TryMatchWord(word, out entry);
}

/// <summary>
/// Rule-based recogniser over gazetteers. Capitalised runs ("chunks") are found first; titles and nationality words
/// are peeled off their front (emitting PersonType), then each chunk is named whole by its form ("... Bank",
/// "University of ...") or split into gazetteer matches and leftover name runs, which become people when there is
/// evidence (a title, a known first name, a speech verb, an earlier full mention). A second pass reuses what the
/// first learnt about the document, so a surname or an acronym is named the same way everywhere in it.
/// </summary>
internal sealed partial class EntityRecognizer(OfflineData data, LanguageProfile profile)
{
    private readonly LanguageProfile p = profile;
    private readonly NameLookup names = new(data.Names, profile);
    /// <summary>The language's function words (none for a language without a list).</summary>
    private readonly WordSet? stopWords = data.StopWords.GetValueOrDefault(profile.Language);
    /// <summary>
    /// What the first pass learnt about a document. The classifying rules ask through the methods, which note each
    /// question while <see cref="Recording"/>: the first pass asks an empty context, so a chunk none of whose questions
    /// has a different answer after <see cref="Learn"/> is classified the same again, and keeps its first-pass candidates.
    /// </summary>
    private sealed class DocumentContext
    {
        private enum Question : byte { Person, Acronym, Alias, OrganizationName, OrganizationStart, OrganizationEnd }

        private readonly List<(Question Question, string? Name, int Index)> _asked = [];

        public bool Recording { get; set; } = true;
        public int Asked => _asked.Count;

        public WordSet PersonNames { get; } = new(StringComparer.Ordinal);
        public Dictionary<string, (string Category, string? Subcategory)> Acronyms { get; } = new(StringComparer.Ordinal);

        /// <summary>The first word of a multi-word organisation ("Spirit" after "Spirit AeroSystems").</summary>
        public WordSet OrganizationAliases { get; } = new(StringComparer.Ordinal);

        /// <summary>Token indices where a first-pass organisation starts and ends, for "X and Y" coordination.</summary>
        public HashSet<int> OrganizationStarts { get; } = [];
        public HashSet<int> OrganizationEnds { get; } = [];

        /// <summary>Names an organisation cue named anywhere ("the company Aurora Orbital"), which no first name overrides elsewhere.</summary>
        public WordSet OrganizationNames { get; } = new(StringComparer.Ordinal);

        public bool IsPerson(string name) => Ask(Question.Person, name, 0);
        public bool IsAlias(string word) => Ask(Question.Alias, word, 0);
        public bool IsOrganizationName(string name) => Ask(Question.OrganizationName, name, 0);
        public bool OrganizationStartsAt(int token) => Ask(Question.OrganizationStart, null, token);
        public bool OrganizationEndsAt(int token) => Ask(Question.OrganizationEnd, null, token);

        public bool TryGetAcronym(string word, out (string Category, string? Subcategory) meaning)
        {
            if (Recording) _asked.Add((Question.Acronym, word, 0));
            return Acronyms.TryGetValue(word, out meaning);
        }

        /// <summary>Whether any question asked between two counts of <see cref="Asked"/> is answered yes now.</summary>
        public bool AnswersYes(int from, int to)
        {
            for (int i = from; i < to; i++)
                if (Answer(_asked[i].Question, _asked[i].Name, _asked[i].Index)) return true;
            return false;
        }

        private bool Ask(Question question, string? name, int index)
        {
            if (Recording) _asked.Add((question, name, index));
            return Answer(question, name, index);
        }

        private bool Answer(Question question, string? name, int index) => question switch
        {
            Question.Person => PersonNames.Contains(name!),
            Question.Acronym => Acronyms.ContainsKey(name!),
            Question.Alias => OrganizationAliases.Contains(name!),
            Question.OrganizationName => OrganizationNames.Contains(name!),
            Question.OrganizationStart => OrganizationStarts.Contains(index),
            _ => OrganizationEnds.Contains(index),
        };
    }

    private readonly record struct Chunk(int Start, int End);

    public List<Candidate> Recognize(string text, List<Token> tokens, List<SentenceRange> sentences, bool fullRules)
    {
        var found = new List<Candidate>();
        NumericRecognizer.Recognize(text, tokens, data.CurrencyCodes, p.Numbers, found);
        var taken = new bool[tokens.Count];
        foreach (var c in found) for (int i = c.Start; i < c.End; i++) taken[i] = true;

        var sentenceStart = new bool[tokens.Count];
        foreach (var s in sentences)
        {
            int first = s.Start;
            // An opening quote or bracket does not make the next word less sentence-initial.
            while (first < s.End && tokens[first].Kind != TokenKind.Word) first++;
            if (first < s.End) sentenceStart[first] = true;
        }

        var chunks = FindChunks(text, tokens, taken, sentenceStart);
        if (!fullRules)
        {
            // Without a language profile only exact gazetteer names are sound.
            foreach (var chunk in chunks) SplitByGazetteer(text, tokens, chunk.Start, chunk.End, null, found, namesOnly: true);
            return Resolve(found);
        }

        var context = new DocumentContext();
        var firstPass = new List<Candidate>();
        var firstPassEnds = new (int Candidates, int Asked)[chunks.Count];
        for (int c = 0; c < chunks.Count; c++)
        {
            Classify(text, tokens, chunks[c], sentenceStart, context, firstPass);
            firstPassEnds[c] = (firstPass.Count, context.Asked);
        }
        context.Recording = false;
        Learn(text, tokens, chunks, firstPass, context);

        for (int c = 0; c < chunks.Count; c++)
        {
            var (candidates, asked) = c == 0 ? (0, 0) : firstPassEnds[c - 1];
            if (context.AnswersYes(asked, firstPassEnds[c].Asked))
                Classify(text, tokens, chunks[c], sentenceStart, context, found);
            else
                found.AddRange(firstPass.GetRange(candidates, firstPassEnds[c].Candidates - candidates));
        }
        FindKnownPeopleOpeningSentences(text, tokens, sentenceStart, context, found);
        FindPersonTypes(text, tokens, found);
        IncludeClubOrdinals(text, tokens, found);
        IncludeNumberedBodies(text, tokens, found);
        IncludeAbbreviationDots(text, tokens, found);
        ClubsNamedByTown(text, tokens, found);
        FindRoads(text, tokens, found);
        found.RemoveAll(c => IsPersonAfterArticle(text, tokens, c));
        var resolved = Resolve(found);
        JoinTownNames(text, tokens, resolved);
        JoinPlaceQualifiers(text, tokens, resolved);
        JoinLegalFormsAfterComma(text, tokens, resolved);
        JoinSuspendedCompounds(text, tokens, sentenceStart, resolved);
        JoinCampusTowns(text, tokens, resolved);
        FindPartiesAfterPeople(text, tokens, resolved);
        return resolved;
    }

    /// <summary>
    /// "im Val Müstair", "het Abe Lenstra Stadion", "pelo Itaú Unibanco": news names no person after an article, contracted
    /// or not, so a person read there is a place, a body or a work the rules could not tell; no answer is better than that one.
    /// </summary>
    private bool IsPersonAfterArticle(string text, List<Token> tokens, Candidate candidate) =>
        candidate.Category == EntityCategories.Person && candidate.Start > 0 && tokens[candidate.Start - 1].Kind == TokenKind.Word
        && p.ImpersonalArticles.Contains(WordSpan(text, tokens, candidate.Start - 1));

    /// <summary>
    /// "Martín Pagani" … "Pagani reconoció": a surname the document has named a person by stays the person at a sentence's
    /// start, where it reads as an ordinary word of the language ("pagani", "hoyas") and opens no name.
    /// </summary>
    private void FindKnownPeopleOpeningSentences(string text, List<Token> tokens, bool[] sentenceStart, DocumentContext context, List<Candidate> found)
    {
        if (p.IsEnglish) return;
        bool[]? covered = null;
        for (int i = 0; i < tokens.Count; i++)
        {
            if (!sentenceStart[i] || tokens[i].Kind != TokenKind.Word || !char.IsUpper(text[tokens[i].Start])) continue;
            string word = Word(text, tokens, i);
            // An article or a function word opening a sentence is never the person, whatever the document learnt ("Die").
            if (p.Articles.Contains(word) || IsFunctionWord(word) || !context.IsPerson(word)) continue;
            if (covered is null)
            {
                covered = new bool[tokens.Count];
                foreach (var c in found) for (int k = c.Start; k < c.End; k++) covered[k] = true;
            }
            if (!covered[i]) found.Add(new Candidate(i, i + 1, EntityCategories.Person, null, 0.85, "person-known-in-document"));
        }
    }

    /// <summary>
    /// "Salas de los Infantes", "San Vicente de la Sonsierra", "Largo da Ordem": a listed town, a link of the language's
    /// town names and a place or a lone name after it are one town; a person after it is not.
    /// </summary>
    private void JoinTownNames(string text, List<Token> tokens, List<Candidate> resolved)
    {
        if (p.TownLinks.Length == 0) return;
        for (int n = resolved.Count - 2; n >= 0; n--)
        {
            var (town, name) = (resolved[n], resolved[n + 1]);
            if (town.Category != EntityCategories.Location || town.Rule is not ("gaz-place-city" or "gaz-place-local-city")
                || !(name.Category == EntityCategories.Location || name.Category == EntityCategories.Organization && name.End - name.Start == 1 && !name.Rule.StartsWith("gaz-", StringComparison.Ordinal))
                || town.End + TownLinkLength(text, tokens, town.End) != name.Start || name.Start == town.End)
                continue;
            resolved[n] = new Candidate(town.Start, name.End, EntityCategories.Location, "GPE", 0.75, "place-town-link");
            resolved.RemoveAt(n + 1);
        }
    }

    /// <summary>
    /// "Mohamed Ridouani (Vooruit)", "Karl Huber (Grüne)": a capitalised name in brackets right after a person is their
    /// party, unless it is a listed place (their town).
    /// </summary>
    private void FindPartiesAfterPeople(string text, List<Token> tokens, List<Candidate> resolved)
    {
        if (p.IsEnglish) return;
        for (int n = resolved.Count - 1; n >= 0; n--)
        {
            var person = resolved[n];
            int open = person.End, s = open + 1;
            if (person.Category != EntityCategories.Person || s >= tokens.Count || WordSpan(text, tokens, open) is not "(") continue;
            int e = s;
            while (e < tokens.Count && e - s < 3 && tokens[e].Kind == TokenKind.Word && tokens[e].Capitalised) e++;
            if (e == s || e >= tokens.Count || WordSpan(text, tokens, e) is not ")") continue;
            int next = n + 1 < resolved.Count && resolved[n + 1].Start < e ? n + 1 : -1;
            if (next >= 0 && (resolved[next].Start != s || resolved[next].End != e || resolved[next].Category == EntityCategories.Organization
                || resolved[next].Rule.StartsWith("gaz-", StringComparison.Ordinal)))
                continue;
            if (names.TryMatch(text, tokens, s, e, out _, out _)) continue;
            var party = new Candidate(s, e, EntityCategories.Organization, "Political", 0.75, "org-party-after-person");
            if (next >= 0) resolved[next] = party;
            else resolved.Insert(n + 1, party);
        }
    }

    /// <summary>
    /// "Utrecht Centraal", "Trento Nord", "Napoli Centrale": a listed place and a word of the language's that names a part of
    /// it, a station or an exit after it are one place.
    /// </summary>
    private void JoinPlaceQualifiers(string text, List<Token> tokens, List<Candidate> resolved)
    {
        if (p.PlaceQualifiers.Count == 0) return;
        for (int n = resolved.Count - 1; n >= 0; n--)
        {
            var town = resolved[n];
            int q = town.End;
            if (town.Category != EntityCategories.Location || !town.Rule.StartsWith("gaz-place", StringComparison.Ordinal) || town.Rule == "gaz-place-local-country"
                || town.Rule == "gaz-place-country" || q >= tokens.Count || tokens[q].Kind != TokenKind.Word || tokens[q].LineBreakBefore
                || !p.PlaceQualifiers.Contains(WordSpan(text, tokens, q)))
                continue;
            bool qualifierFound = n + 1 < resolved.Count && resolved[n + 1].Start == q;
            if (qualifierFound && resolved[n + 1].End != q + 1 || n + 1 < resolved.Count && !qualifierFound && resolved[n + 1].Start < q + 1) continue;
            if (qualifierFound) resolved.RemoveAt(n + 1);
            resolved[n] = new Candidate(town.Start, q + 1, EntityCategories.Location, town.Subcategory, 0.8, "place-qualified");
        }
    }

    private int TownLinkLength(string text, List<Token> tokens, int at)
    {
        foreach (var link in p.TownLinks)
        {
            if (at + link.Length > tokens.Count) continue;
            int k = 0;
            while (k < link.Length && tokens[at + k].Kind == TokenKind.Word && WordSpan(text, tokens, at + k).Equals(link[k], StringComparison.Ordinal)) k++;
            if (k == link.Length) return k;
        }
        return 0;
    }

    /// <summary>
    /// "l'A35", "sull'A22", "auf der A7", "op de A12", "la M-30": a numbered road of the country's own lettering after an
    /// article or preposition is a place, and any lettering joined by a hyphen after the word for a road ("carretera
    /// OU-212"). Elsewhere the same letters name other things ("na B3", Brazil's stock exchange).
    /// </summary>
    private void FindRoads(string text, List<Token> tokens, List<Candidate> found)
    {
        if (p.IsEnglish) return;
        for (int i = 1; i < tokens.Count; i++)
        {
            if (tokens[i].Kind != TokenKind.Word || tokens[i - 1].Kind != TokenKind.Word || !char.IsAsciiDigit(text[tokens[i].End - 1])) continue;
            var road = RoadNumber().Match(Word(text, tokens, i));
            if (!road.Success) continue;
            var before = Word(text, tokens, i - 1);
            bool ownLettering = p.RoadPrefixes.Contains(road.Groups[1].Value)
                && (p.NounMarkers.Contains(before) || p.PlacePrepositions.Contains(before) || before.EndsWith('\'') || before.EndsWith('\u2019'));
            if (ownLettering || road.Groups[2].Length > 0 && p.RoadWords.Contains(before))
                found.Add(new Candidate(i, i + 1, EntityCategories.Location, "Structural", 0.7, "place-road"));
        }
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"^([A-Z]{1,3})(-?)[0-9]{1,4}$")]
    private static partial System.Text.RegularExpressions.Regex RoadNumber();

    /// <summary>
    /// "il Napoli", "la Roma", "del Sevilla": where towns take no article, a club's town after one is the club. "FC Twente"
    /// ... "Twente klimt": a town the document has named a club by stands for the club elsewhere, except after a preposition
    /// of place or a link ("in Twente").
    /// </summary>
    private void ClubsNamedByTown(string text, List<Token> tokens, List<Candidate> found)
    {
        if (p.ClubPlaces.Count == 0 && p.ClubForms.Count == 0) return;
        // "sc Heerenveen": Dutch writes some clubs' forms in lower case before the town.
        for (int n = 0; n < found.Count; n++)
        {
            var c = found[n];
            if (c.Category == EntityCategories.Location && c.End - c.Start == 1 && c.Start > 0 && IsLowerCaseClubForm(text, tokens[c.Start - 1]))
                found[n] = c with { Start = c.Start - 1, Category = EntityCategories.Organization, Subcategory = "Sports", Rule = "org-club" };
        }
        var clubTowns = ClubTownsOf(text, tokens, found);
        bool sports = found.Exists(c => c.Subcategory == "Sports");
        List<(int Start, int End)>? nicknames = null;
        for (int n = 0; n < found.Count; n++)
        {
            var c = found[n];
            if (c.Category != EntityCategories.Location) continue;
            var before = c.Start > 0 && tokens[c.Start - 1].Kind == TokenKind.Word ? WordSpan(text, tokens, c.Start - 1) : default;
            string town = RunText(text, tokens, c.Start, c.End);
            // In a story about sport any town after the article is a club ("il Lecce", "del Sabadell"), unless a link makes it
            // part of a longer name ("o Estrela da Amadora").
            bool clubTown = p.ClubPlaces.Contains(town) || sports && c.Rule is "gaz-place-city" or "gaz-place-local-city"
                && (c.End == tokens.Count || !p.Connectors.Contains(WordSpan(text, tokens, c.End)));
            if (p.ClubArticles.Contains(before) && clubTown || p.ClubRegionArticles.Contains(before) && p.ClubRegions.Contains(town)
                || clubTowns?.Contains(town) == true && !p.PlacePrepositions.Contains(before) && !p.Connectors.Contains(before))
                found[n] = c with { Category = EntityCategories.Organization, Subcategory = "Sports", Rule = "club-by-town" };
            else if (NicknameBeforeTown(text, tokens, c) is int team)
            {
                found[n] = c with { Start = team, Category = EntityCategories.Organization, Subcategory = "Sports", Rule = "club-nickname" };
                (nicknames ??= []).Add((team, c.Start));
            }
        }
        if (nicknames is not null) found.RemoveAll(o => nicknames.Exists(k => o.Start >= k.Start && o.End <= k.End));
    }

    /// <summary>
    /// "les Sénateurs d'Ottawa", "les Maple Leafs de Toronto", "los Tigres de Monterrey": a capitalised plural after the
    /// article and before "de" and a town is a team's nickname, and the whole is the team; "les Îles de la Madeleine" is a
    /// kind of place.
    /// </summary>
    private int? NicknameBeforeTown(string text, List<Token> tokens, Candidate town)
    {
        if (p.IsEnglish || town.Rule is not ("gaz-place-city" or "gaz-place-local-city") || town.Start < 3
            || !p.Connectors.Contains(WordSpan(text, tokens, town.Start - 1))) return null;
        int last = town.Start - 2;
        var nickname = WordSpan(text, tokens, last);
        if (tokens[last].Kind != TokenKind.Word || !tokens[last].Capitalised || tokens[last].AllCaps || nickname.Length < 4 || nickname[^1] != 's'
            || IsPlaceKindPlural(nickname)) return null;
        int start = last > 0 && tokens[last - 1].Kind == TokenKind.Word && tokens[last - 1].Capitalised && !tokens[last - 1].AllCaps
            && !p.NounMarkers.Contains(WordSpan(text, tokens, last - 1)) ? last - 1 : last;
        return start > 0 && p.NounMarkers.Contains(WordSpan(text, tokens, start - 1)) ? start : null;
    }

    /// <summary>"Îles", "Lacs": the plural of a lower-case kind of place, capitalised.</summary>
    private bool IsPlaceKindPlural(ReadOnlySpan<char> word)
    {
        Span<char> singular = stackalloc char[word.Length - 1];
        word[..^1].ToLowerInvariant(singular);
        return p.PlaceKinds.Contains(singular);
    }

    private bool IsLowerCaseClubForm(string text, Token token)
    {
        if (token.Kind != TokenKind.Word || token.Length is < 2 or > 3 || !char.IsLower(text[token.Start])) return false;
        Span<char> form = stackalloc char[token.Length];
        text.AsSpan(token.Start, token.Length).ToUpperInvariant(form);
        return p.ClubForms.Contains(form);
    }

    /// <summary>The one-word towns inside the document's sports clubs: a listed club's, or a name holding a club's form.</summary>
    private WordSet? ClubTownsOf(string text, List<Token> tokens, List<Candidate> found)
    {
        WordSet? towns = null;
        foreach (var c in found)
        {
            if (c.Category != EntityCategories.Organization || c.End - c.Start < 2) continue;
            bool club = c.Subcategory == "Sports";
            for (int k = c.Start; k < c.End && !club; k++) club = p.ClubForms.Contains(WordSpan(text, tokens, k));
            if (!club) continue;
            for (int k = c.Start; k < c.End; k++)
            {
                if (tokens[k].Kind != TokenKind.Word || !tokens[k].Capitalised || tokens[k].AllCaps) continue;
                string word = Word(text, tokens, k);
                // "SG Flensburg-Handewitt" stands for the club as "Flensburg".
                string? town = IsListedPlace(text, tokens, k, k + 1) ? word : p.StartsWithPlace(word) ? word[..word.IndexOf('-')] : null;
                if (town is not null) (towns ??= new WordSet(StringComparer.Ordinal)).Add(town);
            }
        }
        return towns;
    }

    /// <summary>"1. FC Köln", "1. FSV Mainz 05": the ordinal before a club's form is part of its name, not a quantity.</summary>
    private void IncludeClubOrdinals(string text, List<Token> tokens, List<Candidate> found)
    {
        var ordinals = new List<int>();
        for (int n = 0; n < found.Count; n++)
        {
            var c = found[n];
            if (c.Category != EntityCategories.Organization || c.Start < 2 || !p.OrganizationFirstWords.Contains(WordSpan(text, tokens, c.Start))) continue;
            Token dot = tokens[c.Start - 1], number = tokens[c.Start - 2];
            if (number.Kind != TokenKind.Number || number.Length > 2 || text[dot.Start] != '.' || dot.Length != 1 || dot.Start != number.End) continue;
            found[n] = c with { Start = c.Start - 2 };
            ordinals.Add(c.Start - 2);
        }
        if (ordinals.Count > 0) found.RemoveAll(q => q.Category == EntityCategories.Quantity && ordinals.Contains(q.Start));
    }

    /// <summary>
    /// "les pompiers du SDIS 73", "in diretta da Rai 5", "l'Asl Napoli 2 Nord": a département's body takes the
    /// département's number into its name, a broadcaster its channel's, a health authority its district's after the
    /// area's name, with the district's point of the compass.
    /// </summary>
    private void IncludeNumberedBodies(string text, List<Token> tokens, List<Candidate> found)
    {
        if (p.NumberedBodies.Count == 0) return;
        List<int>? absorbed = null;
        for (int n = 0; n < found.Count; n++)
        {
            var c = found[n];
            if (c.Category != EntityCategories.Organization || c.End - c.Start > 3 || c.End >= tokens.Count || !p.NumberedBodies.Contains(WordSpan(text, tokens, c.Start))) continue;
            Token number = tokens[c.End];
            if (number.Kind != TokenKind.Number || number.Length > 2 || !number.SpaceBefore) continue;
            int end = c.End + 1;
            if (end < tokens.Count && tokens[end].Capitalised && p.PlaceQualifiers.Contains(WordSpan(text, tokens, end))) end++;
            found[n] = c with { End = end };
            absorbed ??= [];
            for (int k = c.End; k < end; k++) absorbed.Add(k);
        }
        if (absorbed is null) return;
        for (int n = found.Count - 1; n >= 0; n--)
            if (found[n].Category is EntityCategories.Quantity or EntityCategories.Location && absorbed.Contains(found[n].Start)) found.RemoveAt(n);
    }

    /// <summary>Legal forms written as an abbreviation with a dot, which the sentence splitter does not take for a full stop.</summary>
    private static readonly WordSet AbbreviatedLegalForms = new(StringComparer.Ordinal) { "Inc", "Corp", "Co", "Ltd", "Ltda", "Lda" };

    /// <summary>Legal forms the Romance languages write after a comma, as the register has them.</summary>
    private static readonly WordSet LegalFormsAfterComma = new(StringComparer.Ordinal)
    {
        "Lda", "Lda.", "Ltda", "Ltda.", "S.A.", "SA", "S.L.", "SL", "S.L.U.", "SLU", "S.A.S.", "SAS", "SARL", "Srl", "S.r.l.", "S.p.A.", "SpA",
    };

    /// <summary>Legal forms after which "de"/"di"/"von" names where the company is, not more of its name.</summary>
    private static readonly WordSet ClosingLegalForms = new(LegalFormsAfterComma.Concat(["AG", "SE", "KG", "GmbH", "B.V.", "N.V.", "BV", "NV"]), StringComparer.Ordinal);

    /// <summary>"Université du Québec à Rimouski": a body with seats in several towns keeps the town of each in its name.</summary>
    private void JoinCampusTowns(string text, List<Token> tokens, List<Candidate> resolved)
    {
        if (p.CampusHeads.Count == 0) return;
        for (int n = resolved.Count - 2; n >= 0; n--)
        {
            var (body, town) = (resolved[n], resolved[n + 1]);
            if (body.Category == EntityCategories.Organization && town.Category == EntityCategories.Location && town.Start == body.End + 1
                && p.CampusHeads.Contains(RunText(text, tokens, body.Start, body.End + 1)))
            {
                resolved[n] = body with { End = town.End, Rule = "org-campus" };
                resolved.RemoveAt(n + 1);
            }
        }
    }

    /// <summary>
    /// "Industrie- und Handelskammer Heilbronn-Franken", "Inlichtingen- en Opsporingsdienst": German and Dutch write the
    /// shared end of two compounds once, and the first one's part before "und"/"en" belongs to the body's name.
    /// </summary>
    private void JoinSuspendedCompounds(string text, List<Token> tokens, bool[] sentenceStart, List<Candidate> resolved)
    {
        if (p.IsEnglish) return;
        for (int n = 0; n < resolved.Count; n++)
        {
            var body = resolved[n];
            if (body.Category != EntityCategories.Organization) continue;
            int start = body.Start;
            // The first part is tested by its letter: a token's Capitalised flag leaves out German nouns.
            while (start >= 3 && tokens[start - 1].Kind == TokenKind.Word && p.And.Contains(WordSpan(text, tokens, start - 1))
                   && IsSuspensionHyphen(text, tokens, start - 2)
                   && tokens[start - 3].Kind == TokenKind.Word && char.IsUpper(text[tokens[start - 3].Start]) && (n == 0 || resolved[n - 1].End <= start - 3))
                start -= 3;
            // "Bayerische Industrie- und Handelskammer Schwaben", "Sociale Inlichtingen- en Opsporingsdienst": with the adjective before it.
            if (start < body.Start && start > 0 && (n == 0 || resolved[n - 1].End < start) && IsNameAdjective(text, tokens, start - 1, sentenceStart)) start--;
            if (start < body.Start) resolved[n] = body with { Start = start, Rule = "org-suspended-compound" };
        }
    }

    /// <summary>"Industrie-", "Atmosphären-": a hyphen glued to the word before it, which leaves out a compound's shared end.</summary>
    private static bool IsSuspensionHyphen(string text, List<Token> tokens, int i) =>
        i > 0 && i < tokens.Count && tokens[i].Length == 1 && text[tokens[i].Start] == '-' && tokens[i].Start == tokens[i - 1].End;

    /// <summary>A capitalised adjective or demonym that may open a body's name: "Bayerische", "Walliser", "Sociale", "Vlaams".</summary>
    private bool IsNameAdjective(string text, List<Token> tokens, int i, bool[] sentenceStart)
    {
        if (tokens[i].Kind != TokenKind.Word || !char.IsUpper(text[tokens[i].Start])) return false;
        var word = WordSpan(text, tokens, i);
        if (p.Articles.Contains(word) || IsFunctionWord(word)) return false;
        return p.NounsCapitalised ? p.IsCapitalisedAdjective(word) || p.Demonyms.Contains(word) || p.IsRegionAdjective(word)
            : p.Demonyms.Contains(word) || !sentenceStart[i] && p.IsCommon(word);
    }

    /// <summary>
    /// "Madeiras do Norte, Lda.", "Transportes Álvarez, S.L.": outside English a legal form after a comma closes the
    /// company's name, the capitalised words (and the links between them) before the comma, as the register writes it;
    /// alone it names nothing.
    /// </summary>
    private void JoinLegalFormsAfterComma(string text, List<Token> tokens, List<Candidate> resolved)
    {
        if (p.IsEnglish) return;
        for (int n = resolved.Count - 1; n >= 0; n--)
        {
            var form = resolved[n];
            int comma = form.Start - 1;
            if (form.Category != EntityCategories.Organization || comma < 1 || tokens[comma].Length != 1 || text[tokens[comma].Start] != ','
                || !LegalFormsAfterComma.Contains(text.AsSpan(tokens[form.Start].Start, tokens[form.End - 1].End - tokens[form.Start].Start)))
                continue;
            int start = comma;
            for (int k = comma - 1; k >= 0 && !tokens[k + 1].LineBreakBefore; k--)
            {
                var word = WordSpan(text, tokens, k);
                bool link = IsAmpersand(text, tokens, k) || tokens[k].Kind == TokenKind.Word && (p.Connectors.Contains(word) || p.Articles.Contains(word));
                if (!link && tokens[k].Kind == TokenKind.Word && tokens[k].Capitalised) start = k;
                else if (!link || start == comma) break;
            }
            if (start == comma) continue;
            int first = n;
            while (first > 0 && resolved[first - 1].End > start) first--;
            if (first < n && resolved[first].Start < start && resolved[first].Category == EntityCategories.Organization) start = resolved[first].Start;
            else if (first < n && resolved[first].Start < start) continue;
            resolved.RemoveRange(first, n - first + 1);
            resolved.Insert(first, new Candidate(start, form.End, EntityCategories.Organization, null, 0.6, "org-legal-form"));
            n = first;
        }
    }

    /// <summary>
    /// "Fiagril Ltda. anunciou", "Acme Corp. said": inside a sentence, an organisation that ends in an abbreviated legal
    /// form ends with its dot, and so does a person whose surname is cut to its initial. At a sentence's end the dot is
    /// the full stop ("... de WK Kellogg Co.").
    /// </summary>
    private static void IncludeAbbreviationDots(string text, List<Token> tokens, List<Candidate> found)
    {
        for (int n = 0; n < found.Count; n++)
        {
            var c = found[n];
            int dot = c.End;
            if (dot + 1 < tokens.Count && tokens[dot].Length == 1 && text[tokens[dot].Start] == '.' && tokens[dot].Start == tokens[dot - 1].End
                && (c.Category == EntityCategories.Organization && AbbreviatedLegalForms.Contains(WordSpan(text, tokens, dot - 1))
                    // "Geert V. liet", "Rachid B. kreeg": a suspect's surname cut to its initial keeps the dot.
                    || c.Category == EntityCategories.Person && dot - c.Start >= 2 && tokens[dot - 1].Length == 1 && char.IsUpper(text[tokens[dot - 1].Start]))
                && !tokens[dot + 1].LineBreakBefore && (tokens[dot + 1].Kind != TokenKind.Word || !char.IsUpper(text[tokens[dot + 1].Start])))
                found[n] = c with { End = dot + 1 };
        }
    }

    private List<Chunk> FindChunks(string text, List<Token> tokens, bool[] taken, bool[] sentenceStart)
    {
        var chunks = new List<Chunk>();
        for (int i = 0; i < tokens.Count;)
        {
            if (taken[i] || !StartsName(text, tokens, i, taken)) { i++; continue; }
            // "Volgens de Inspectie ...", "Bei Siemens ...": a function word opening the sentence is no name's first word,
            // and a run that starts with it would hide the name's head from the rules that join its parts; a particle
            // may be one ("Van Aert").
            if (sentenceStart[i] && IsFunctionWord(WordSpan(text, tokens, i))
                && !p.NameParticlesAnyCase.Contains(WordSpan(text, tokens, i)) && !names.TryMatch(text, tokens, i, tokens.Count, out _, out _)) { i++; continue; }
            int end = i + 1;
            // "quai de la Batte": a street's word and its links in lower case open the name.
            if (!tokens[i].Capitalised && StreetNameStart(text, tokens, i) is > 0 and var street) end = street + 1;
            else if (MinistryFieldStart(text, tokens, i, taken) is int field) end = field + 1;
            if (names.TryMatch(text, tokens, i, tokens.Count, out int len, out _)) end = Math.Max(end, i + len);
            // A title keeps its abbreviation dot ("Mr.", "Gen.") so the name after it joins the chunk.
            if (p.TryTitle(text, tokens, i, tokens.Count, out len)) end = Math.Max(end, i + len);
            while (end < tokens.Count && !taken[end] && !tokens[end].LineBreakBefore)
            {
                if (IsNameWord(tokens[end])) { end++; continue; }
                // "in Limburg an der Lahn", "di San Michele all'Adige": a listed place whose name goes on in lower case, wherever
                // it stands in the run.
                if (ListedPlaceGoesOn(text, tokens, i, end) is int placeEnd)
                {
                    end = placeEnd;
                    continue;
                }
                // "Rottenburg am Neckar", "Neumarkt in der Oberpfalz": a German town named with the river or region it lies on.
                if (p.NounsCapitalised && RiverOfTown(text, tokens, i, end, taken) is > 0 and var river)
                {
                    end = river;
                    continue;
                }
                // "Vorstandschef Dr. Matthias Kessler": an abbreviated title after a title keeps the chunk going.
                if (p.Titles.TryMatch(text, tokens, end, tokens.Count, out len, out _) && len > 1 && end + len < tokens.Count && IsNameWord(tokens[end + len]))
                {
                    end += len;
                    continue;
                }
                // "GmbH & Co. KG", "SE & Co. KGaA": the abbreviation's dot inside a legal form.
                if (text[tokens[end].Start] == '.' && tokens[end].Length == 1 && WordSpan(text, tokens, end - 1) is "Co" && end + 1 < tokens.Count && !taken[end + 1]
                    && p.OrganizationWords.Contains(WordSpan(text, tokens, end + 1)))
                {
                    end += 2;
                    continue;
                }
                // "St. Gallen", "St. Galler Tagblatt": a saint's abbreviation opens a place's name, or a name after a place.
                if (WordSpan(text, tokens, end - 1) is "St" && text[tokens[end].Start] == '.' && tokens[end].Length == 1
                    && end + 1 < tokens.Count && IsNameWord(tokens[end + 1]) && !taken[end + 1])
                {
                    end += 2;
                    continue;
                }
                // An initial: "S. Somanath", "John F. Kennedy".
                if (tokens[end - 1].Length == 1 && char.IsUpper(text[tokens[end - 1].Start]) && text[tokens[end].Start] == '.' && tokens[end].Length == 1
                    && end + 1 < tokens.Count && IsNameWord(tokens[end + 1]) && !taken[end + 1])
                {
                    end += 2;
                    continue;
                }
                // "Bank of England", "Leonardo da Vinci": a connector joins two capitalised words, but "of" does not join
                // a party to its leader ("National Rally of Marine Le Pen").
                if (end + 1 < tokens.Count && !taken[end + 1] && IsNameWord(tokens[end + 1]) && !tokens[end + 1].LineBreakBefore
                    && p.Connectors.Contains(WordSpan(text, tokens, end))
                    && !(p.NounMarkers.Contains(WordSpan(text, tokens, end)) && OpensSecondInstitution(text, tokens, i, end + 1))
                    // "Officine Meccaniche Valsusa S.p.A. di Avigliana": a legal form closes the company's name, unless a second
                    // abbreviation completes it ("S.A. de C.V.").
                    && !(!p.IsEnglish && ClosingLegalForms.Contains(WordSpan(text, tokens, end - 1)) && !WordSpan(text, tokens, end + 1).Contains('.'))
                    && !(p.Of.Contains(WordSpan(text, tokens, end)) && StartsPersonName(text, tokens, end + 1)
                         && !p.OrganizationWords.Contains(WordSpan(text, tokens, end - 1)) && !p.OrganizationPrefixes.Contains(WordSpan(text, tokens, end - 1)))
                    && !(!p.IsEnglish && IsPersonName(text, tokens, i, end) && NamesOrganization(text, tokens, end + 1, taken))
                    && !(!p.IsEnglish && IsAffiliatedPerson(text, tokens, end + 1)))
                {
                    end += 2;
                    continue;
                }
                // "Caroline van der Plas", "Ursula von der Leyen": two particles in a row.
                if (!p.IsEnglish && end + 2 < tokens.Count && !taken[end + 2] && IsNameWord(tokens[end + 2]) && !tokens[end + 2].LineBreakBefore
                    && p.NameParticles.Contains(WordSpan(text, tokens, end)) && p.NameParticles.Contains(WordSpan(text, tokens, end + 1)) && p.IsFirstName(WordSpan(text, tokens, NameStart(text, tokens, i, end)))
                    && !NamesOrganization(text, tokens, end + 2, taken, surnameLikely: true))
                {
                    end += 3;
                    continue;
                }
                // "Max-Planck-Institut für Astronomie", "Bundesministerium der Finanzen", "Kulturstiftung der Länder": German
                // writes the field after an institution as a noun, which is part of its name.
                if (p.NounsCapitalised && p.OrganizationLinks.Contains(WordSpan(text, tokens, end)) && IsGermanInstitution(WordSpan(text, tokens, end - 1))
                    && GermanFieldEnd(text, tokens, end + 1, taken) is int field)
                {
                    end = field;
                    continue;
                }
                // "Fundação para a Ciência e a Tecnologia", "Ministerio de la Presidencia": an institution's link and an
                // article before the field it names.
                if (!p.IsEnglish && end + 2 < tokens.Count && !taken[end + 1] && !taken[end + 2] && IsNameWord(tokens[end + 2]) && !tokens[end + 2].LineBreakBefore
                    && p.OrganizationLinks.Contains(WordSpan(text, tokens, end)) && !tokens[end + 1].Capitalised && p.NounMarkers.Contains(WordSpan(text, tokens, end + 1))
                    && !OpensSecondInstitution(text, tokens, i, end + 2)
                    && (p.OrganizationHeads.Contains(WordSpan(text, tokens, AfterArticle(text, tokens, i, end)))
                        // "Estadio de la Cerámica", "Palacio Municipal de los Deportes": so does a place's word, or a place's
                        // word and an ordinary word after it, before the name it gives.
                        || IsPlaceWordBefore(text, tokens, AfterArticle(text, tokens, i, end), end)))
                {
                    end += 3;
                    continue;
                }
                // "Food and Drug Administration", "People's Liberation Army", "Alzheimer's Association": "and" or a
                // possessive inside a name that ends in an organisation word.
                if (end + 1 < tokens.Count && !taken[end + 1] && IsNameWord(tokens[end + 1]) && !tokens[end + 1].LineBreakBefore
                    && JoinsOrganization(text, tokens, i, end, taken, out int joined))
                {
                    end = joined;
                    continue;
                }
                // "Müller & Söhne", "Wageningen University & Research": an ampersand joins the names on either side into one.
                if (!p.IsEnglish && IsAmpersand(text, tokens, end) && end + 1 < tokens.Count && !taken[end + 1] && IsNameWord(tokens[end + 1]) && !tokens[end + 1].LineBreakBefore)
                {
                    end += 2;
                    continue;
                }
                if (!p.IsEnglish && JoinsInstitution(text, tokens, i, end, taken, out joined))
                {
                    end = joined;
                    continue;
                }
                if (IsGazetteerStart(text, tokens, end) && names.TryMatch(text, tokens, end, tokens.Count, out len, out _)) { end += len; continue; }
                break;
            }
            // "Corte dei conti", "Partito democratico", "Agenzia spaziale italiana": Romance institutions write only their
            // first word capitalised, so the lower-case words after an institution's head belong to its name.
            if (p.LowercaseTitles && (end == i + 1 || end == i + 2 && p.Articles.Contains(WordSpan(text, tokens, i))) && p.OrganizationHeads.Contains(WordSpan(text, tokens, end - 1)))
            {
                int lowerCaseEnd = LowerCaseNameEnd(text, tokens, end, taken);
                // "Orchestre symphonique de Mulhouse", "Provincia autonoma di Trento": the place such an institution serves closes its name.
                end = lowerCaseEnd > end ? PlaceClosingName(text, tokens, CapitalisedNameAfter(text, tokens, lowerCaseEnd, taken), taken) : end;
            }
            // "ministère de l'Enseignement supérieur": a ministry's field may go on in lower case, as its title does.
            else if (!tokens[i].Capitalised && MinistryFieldStart(text, tokens, i, taken) == end - 1 && LowerCaseNameEnd(text, tokens, end, taken) is var fieldEnd
                && fieldEnd - end is > 0 and <= 3)
                end = fieldEnd;
            // "Conseil des Églises protestantes du Cameroun", "Consejo de Pueblos indígenas de Oaxaca": after an institution's
            // head, its link and a capitalised field, lower-case words that the place it serves closes still qualify the field.
            else if (p.LowercaseTitles && FieldAfterHead(text, tokens, i, end) && LowerCaseNameEnd(text, tokens, end, taken) is var lowerCaseEnd
                && lowerCaseEnd > end && lowerCaseEnd - end <= 4 && PlaceClosingName(text, tokens, lowerCaseEnd, taken) is var placeEnd && placeEnd > lowerCaseEnd)
                end = placeEnd;
            // "Juzgado de Instrucción número 2 de Barakaldo": a court's number, then the place it sits in, close its name.
            if (p.NameNumbers.Count > 0 && end + 1 < tokens.Count && !taken[end] && tokens[end + 1].Kind == TokenKind.Number
                && p.NameNumbers.Contains(WordSpan(text, tokens, end)) && p.OrganizationHeads.Contains(WordSpan(text, tokens, AfterArticle(text, tokens, i, end))))
                end = PlaceClosingName(text, tokens, end + 2, taken);
            chunks.Add(new Chunk(i, end));
            i = end;
        }
        return chunks;
    }

    /// <summary>
    /// "Instituto de Ecología de la Universidad de Chile", "Centro de Ciências do Mar da Universidade do Algarve": the
    /// head of a body others belong to, after the link and article of a name that opened with a head, opens a body of its
    /// own ("Juzgado de Guardia" is one).
    /// </summary>
    private bool OpensSecondInstitution(string text, List<Token> tokens, int i, int next) =>
        p.ParentHeads.Contains(WordSpan(text, tokens, next)) && p.OrganizationHeads.Contains(WordSpan(text, tokens, AfterArticle(text, tokens, i, next)));

    /// <summary>Whether the chunk [i, end) is an institution's head, its link (and article) and one capitalised ordinary word.</summary>
    private bool FieldAfterHead(string text, List<Token> tokens, int i, int end)
    {
        int head = AfterArticle(text, tokens, i, end);
        int link = head + 1;
        if (end - link is < 2 or > 3 || !p.OrganizationHeads.Contains(WordSpan(text, tokens, head)) || !p.OrganizationLinks.Contains(WordSpan(text, tokens, link))) return false;
        if (end - link == 3 && (tokens[link + 1].Capitalised || !p.NounMarkers.Contains(WordSpan(text, tokens, link + 1)))) return false;
        return IsFieldWord(text, tokens, end - 1);
    }

    /// <summary>Whether tokens [start, end) are a place's word ("Estadio"), alone or with an ordinary word after it ("Parque Nacional").</summary>
    private bool IsPlaceWordBefore(string text, List<Token> tokens, int start, int end) =>
        p.PlacePrefixes.Contains(WordSpan(text, tokens, start)) && (end == start + 1 || end == start + 2 && p.IsCommon(WordSpan(text, tokens, start + 1)));

    /// <summary>
    /// "das Fritz-Walter-Stadion", "des Max-Planck-Instituts für Astronomie", "des Bundesministeriums der Finanzen": a
    /// compound of names before a head, or an institution's head before its field; where it starts and its category.
    /// The head's adjectives are part of the name: "das Bayerische Landesamt für Umwelt".
    /// </summary>
    private (int Start, string Category)? GermanInstitution(string text, List<Token> tokens, int s, int e)
    {
        while (s < e - 1 && p.Articles.Contains(WordSpan(text, tokens, s))) s++;
        if (e - s == 1) return p.NamedCompound(Word(text, tokens, s)) is { } category ? (s, category) : null;
        int head = AfterAdjectives(text, tokens, s, e - 3);
        return e - head >= 3 && p.OrganizationLinks.Contains(WordSpan(text, tokens, head + 1)) && IsInstitutionHead(Word(text, tokens, head)) ? (s, EntityCategories.Organization) : null;
    }

    /// <summary>
    /// "Berchtesgadener Land", "Allgäuer Alpen", "Oberbergischer Kreis", "Sächsische Schweiz", "Hohenlohekreis": a
    /// German region named by a place's adjective and a landscape's or district's head, or a district's compound.
    /// </summary>
    private bool IsGermanRegion(string text, List<Token> tokens, int s, int e) =>
        e - s == 1 ? p.IsDistrictCompound(Word(text, tokens, s))
        : e - s == 2 && p.RegionHeads.Contains(WordSpan(text, tokens, s + 1)) && p.IsRegionAdjective(Word(text, tokens, s));

    /// <summary>A capitalised word and a short acronym after it that is no regnal number ("Felipe VI") nor a listed name.</summary>
    private bool IsAcronymAfterName(string text, List<Token> tokens, int s)
    {
        var acronym = WordSpan(text, tokens, s + 1);
        return !tokens[s].AllCaps && tokens[s + 1].AllCaps && acronym.Length is >= 2 and <= 4 && acronym.ContainsAnyExcept("IVXLC")
            && !names.TryMatch(text, tokens, s + 1, s + 2, out _, out _);
    }

    /// <summary>
    /// An acronym no list calls a place, then one capitalised word that is no title, role or first name. Not in German,
    /// where the word after an acronym is as often a product's or a building's ("DJI Matrice", "MS Technologie-Arena").
    /// </summary>
    private bool IsAcronymBeforeName(string text, List<Token> tokens, int s)
    {
        var acronym = WordSpan(text, tokens, s);
        var name = WordSpan(text, tokens, s + 1);
        return tokens[s].AllCaps && acronym.Length is >= 2 and <= 6 && acronym.ContainsAnyExcept("IVXLC") && !p.CommonAcronyms.Contains(acronym)
            && !(names.TryMatch(text, tokens, s, s + 1, out _, out var listed) && listed.Category != EntityCategories.Organization)
            && IsNameWord(tokens[s + 1]) && !tokens[s + 1].AllCaps && !p.IsFirstName(name)
            && !p.TryTitle(text, tokens, s + 1, s + 2, out _) && !p.PersonTypes.TryMatch(text, tokens, s + 1, s + 2, out _, out _);
    }

    /// <summary>
    /// "NABU Hamburg", "LOSC Lille", "ARS Nouvelle-Aquitaine", "IG Metall Bayreuth": an acronym or a listed organisation
    /// of two or more words and the place of its branch or club are one name; so are a club's acronym that is also a
    /// place's and its town ("US Dax", "US Lecce").
    /// </summary>
    private bool AcronymBeforePlace(string text, List<Token> tokens, int s, int e)
    {
        if (e - s < 2) return false;
        int organization = e - s >= 3 && names.TryMatch(text, tokens, s, e - 1, out int listed, out var first) && first.Category == EntityCategories.Organization && listed >= 2 ? listed
            : tokens[s].AllCaps && tokens[s].Length is >= 2 and <= 6 && (!(names.TryMatch(text, tokens, s, s + 1, out _, out first) && first.Category == EntityCategories.Location)
                || p.OrganizationFirstWords.Contains(WordSpan(text, tokens, s))) ? 1
            : 0;
        return organization > 0 && IsListedPlace(text, tokens, s + organization, e);
    }

    /// <summary>The listed organisation whose acronym a short word spells in capitals ("Pd": "PD").</summary>
    private PhraseEntry? ListedAcronym(string word)
    {
        Span<char> upper = stackalloc char[word.Length];
        word.AsSpan().ToUpperInvariant(upper);
        return names.TryMatchWord(upper, out var entry) && entry.Category == EntityCategories.Organization ? entry : null;
    }

    /// <summary>Whether an ordinary lower-case word other than a function word or a verb stands just before token <paramref name="s"/>.</summary>
    private bool AfterContentWord(string text, List<Token> tokens, int s)
    {
        if (s == 0 || tokens[s - 1].Kind != TokenKind.Word || tokens[s - 1].Capitalised) return false;
        string before = Word(text, tokens, s - 1);
        return stopWords?.Contains(before) != true && !p.IsInflectedVerb(before) && p.IsCommon(before);
    }

    /// <summary>"Inês Lisboa" ... "em Lisboa": after a preposition of place a listed place is the place, whoever bears its name.</summary>
    private bool IsListedPlaceAfterPreposition(string text, List<Token> tokens, int s) =>
        !p.IsEnglish && s > 0 && p.PlacePrepositions.Contains(WordSpan(text, tokens, s - 1)) && IsListedPlace(text, tokens, s, s + 1);

    /// <summary>Whether tokens [s, e) are one listed place, exactly.</summary>
    private bool IsListedPlace(string text, List<Token> tokens, int s, int e) =>
        names.TryMatch(text, tokens, s, e, out int length, out var place) && length == e - s && place.Category == EntityCategories.Location;

    /// <summary>
    /// Where the field after a German institution's link ends: its nouns, the inflected adjectives before them and "und"
    /// between them ("der deutschen Wirtschaft", "für Grafik und Buchkunst", "für Atmosphären- und Kryosphärenwissenschaften");
    /// null when no capitalised noun follows.
    /// </summary>
    private int? GermanFieldEnd(string text, List<Token> tokens, int k, bool[] taken)
    {
        int? end = null;
        while (k < tokens.Count && !taken[k] && tokens[k].Kind == TokenKind.Word && !tokens[k].LineBreakBefore)
        {
            var word = WordSpan(text, tokens, k);
            if (!char.IsUpper(word[0]))
            {
                // "angewandte", "bildenden": an inflected adjective before the noun.
                if (word.Length < 4 || !LanguageProfile.EndsLikeInflectedAdjective(word) || p.NounMarkers.Contains(word) || p.IsInflectedVerb(word.ToString())) break;
                k++;
                continue;
            }
            // "der Deutschen Luftverkehrswirtschaft": a capitalised adjective goes on to its noun.
            if (p.IsCapitalisedAdjective(word) && k + 1 < tokens.Count && tokens[k + 1].Kind == TokenKind.Word && char.IsUpper(text[tokens[k + 1].Start]))
            {
                k++;
                continue;
            }
            end = k + 1;
            // "Atmosphären- und Kryosphärenwissenschaften": a compound's shared tail left out before "und".
            int and = IsSuspensionHyphen(text, tokens, k + 1) ? k + 2 : k + 1;
            // "der Länder und Kulturstaatsminister Wolfram Weimer": a title after "und" is the next name's.
            if (and + 1 >= tokens.Count || !p.And.Contains(WordSpan(text, tokens, and)) || tokens[and + 1].Kind != TokenKind.Word || !char.IsUpper(text[tokens[and + 1].Start])
                || p.TryTitle(text, tokens, and + 1, tokens.Count, out _) || StartsPersonName(text, tokens, and + 1)) break;
            k = and + 1;
        }
        // "Werke des Malers Giovanni Segantini": a field is no person's role before their name.
        return end is int e && e < tokens.Count && StartsPersonName(text, tokens, e) ? null : end;
    }

    private bool IsInstitutionHead(ReadOnlySpan<char> word) =>
        p.OrganizationPrefixes.Contains(word) || p.EndsInOrganizationWord(word) || p.NamedCompound(word) == EntityCategories.Organization;

    /// <summary>How far the lower-case words of a Romance institution's name run: adjectives, nouns and the links between them, up to ten words.</summary>
    private int LowerCaseNameEnd(string text, List<Token> tokens, int end, bool[] taken)
    {
        int k = end, last = end;
        while (k < tokens.Count && k - end < 10 && !taken[k] && tokens[k].Kind == TokenKind.Word && !tokens[k].Capitalised && !tokens[k].LineBreakBefore)
        {
            var w = Word(text, tokens, k);
            // "Cassa rurale ed artigiana", "Chambre de métiers et de l'artisanat", "per la protezione": "and" joins the
            // name's fields, and an article may follow a link.
            if (p.OrganizationLinks.Contains(w) || p.Connectors.Contains(w) || p.And.Contains(w)
                || k > end && p.NounMarkers.Contains(w) && p.OrganizationLinks.Contains(WordSpan(text, tokens, k - 1))) { k++; continue; }
            // "el Gobierno de ceder": a verb's infinitive after the link is what the body does, not its field.
            if (stopWords?.Contains(w) == true || p.SpeechVerbs.Contains(w) || w.Length < 3 || p.Numbers.IsDateWord(w) || p.IsInflectedVerb(w)
                || k > end && p.OrganizationLinks.Contains(WordSpan(text, tokens, k - 1)) && p.IsInfinitive(w)) break;
            last = ++k;
        }
        return last;
    }

    /// <summary>
    /// "Consorzio tutela Grana Padano", "Agence régionale de santé Grand Est": capitalised words right
    /// after an institution's lower-case words, up to three or a listed place, are its own name's, unless they open a
    /// person's name.
    /// </summary>
    private int CapitalisedNameAfter(string text, List<Token> tokens, int end, bool[] taken)
    {
        int k = end;
        while (k < tokens.Count && k - end < 3 && !taken[k] && IsNameWord(tokens[k]) && !tokens[k].LineBreakBefore) k++;
        return k > end && !StartsPersonName(text, tokens, end) ? Math.Max(k, end + ListedPlaceLength(text, tokens, end)) : end;
    }

    /// <summary>
    /// The end of "de", an article where one follows it, and the place after <paramref name="end"/>; <paramref name="end"/>
    /// when they do not follow. The place is a listed one, or after an article ("du", "della", "de la") a name of up to
    /// three words that is nobody's and nothing else's: regional bodies name areas no gazetteer lists ("Consorzio di
    /// bonifica della Nurra", "Communauté de communes du Vimeu"), and a person's name takes no article.
    /// </summary>
    private int PlaceClosingName(string text, List<Token> tokens, int end, bool[] taken)
    {
        int k = end;
        if (k >= tokens.Count || !p.Connectors.Contains(WordSpan(text, tokens, k))) return end;
        bool article = p.NounMarkers.Contains(WordSpan(text, tokens, k));
        k++;
        if (k < tokens.Count && !tokens[k].Capitalised && p.NounMarkers.Contains(WordSpan(text, tokens, k))) { k++; article = true; }
        if (k >= tokens.Count || taken[k] || !IsNameWord(tokens[k]) || tokens[k].LineBreakBefore || IsAffiliatedPerson(text, tokens, k)) return end;
        if (ListedPlaceLength(text, tokens, k) is > 0 and var length) return k + length;
        if (!article) return end;
        int m = k;
        while (m < tokens.Count && m - k < 3 && !taken[m] && IsNameWord(tokens[m]) && !tokens[m].LineBreakBefore) m++;
        bool other = names.TryMatch(text, tokens, k, tokens.Count, out _, out _) || IsInstitutionHead(Word(text, tokens, k))
            || p.OrganizationHeads.Contains(WordSpan(text, tokens, k)) || tokens[k].AllCaps;
        return other || m < tokens.Count && IsNameWord(tokens[m]) ? end : m;
    }

    /// <summary>Whether the chunk [s, e) is a listed town, of one or more words, and the river or region it lies on, to its end.</summary>
    private bool IsTownOnRiver(string text, List<Token> tokens, int s, int e)
    {
        for (int link = s + 1; link + 1 < e; link++)
            if (RiverOfTown(text, tokens, s, link, null) == e) return true;
        return false;
    }

    /// <summary>
    /// The end of "am Neckar", "an der Lahn", "ob der Tauber", "in der Oberpfalz" after the listed town [<paramref name="i"/>,
    /// <paramref name="end"/>) or a saint's ("St. Anton"), when a listed place that is no date follows, or after "am" one
    /// word no dictionary knows ("Mühldorf am Inn", "St. Anton am Arlberg"); 0 otherwise.
    /// </summary>
    private int RiverOfTown(string text, List<Token> tokens, int i, int end, bool[]? taken)
    {
        if (end + 1 >= tokens.Count) return 0;
        var link = WordSpan(text, tokens, end);
        int k = link is "am" ? end + 1
            : link is "an" or "ob" or "in" && end + 2 < tokens.Count && WordSpan(text, tokens, end + 1) is "der" ? end + 2 : 0;
        bool town = ListedPlaceLength(text, tokens, i) == end - i || end - i == 3 && IsSaintAbbreviation(text, tokens, i, end);
        if (k == 0 || taken?[k] == true || !IsNameWord(tokens[k]) || tokens[k].LineBreakBefore || p.Numbers.IsDateWord(Word(text, tokens, k)) || !town) return 0;
        int length = ListedPlaceLength(text, tokens, k);
        if (length == 0 && k == end + 1 && !tokens[k].AllCaps && !p.IsCommon(Word(text, tokens, k)) && !names.TryMatch(text, tokens, k, k + 1, out _, out _)) length = 1;
        return length > 0 && !(k + length < tokens.Count && IsNameWord(tokens[k + length])) ? k + length : 0;
    }

    /// <summary>How many tokens the listed place starting at <paramref name="i"/> spans; 0 when none starts there.</summary>
    private int ListedPlaceLength(string text, List<Token> tokens, int i) =>
        names.TryMatch(text, tokens, i, tokens.Count, out int length, out var place) && place.Category == EntityCategories.Location ? length : 0;

    /// <summary>Whether the capitalised run from <paramref name="i"/> is no surname: a listed place or organisation, one ending in an organisation word, or ordinary words.</summary>
    /// <param name="surnameLikely">After "van der", "von der": an ordinary word there is a surname ("Plas", "Laan"), not a ministry's field.</param>
    private bool NamesOrganization(string text, List<Token> tokens, int i, bool[] taken, bool surnameLikely = false)
    {
        // After two particles a one-word place is a surname ("Harry van der Maas").
        if (names.TryMatch(text, tokens, i, tokens.Count, out int length, out var entry) && entry.Category != EntityCategories.Person
            && !(surnameLikely && length == 1 && entry.Category == EntityCategories.Location)
            && !(i + length < tokens.Count && IsNameWord(tokens[i + length]))) return true;
        int k = i;
        while (k < tokens.Count && !taken[k] && IsNameWord(tokens[k])) k++;
        // "Femke Halsema van Amsterdam", "Barry Madlener van Infrastructuur": a place, an organisation or a ministry's field.
        return k > i && (p.OrganizationWords.Contains(WordSpan(text, tokens, k - 1)) || !surnameLikely && AllCommon(text, tokens, i, k) || k == i + 1 && tokens[i].AllCaps);
    }

    /// <summary>
    /// "la Commissione europea di Ursula von der Leyen", "le Parti socialiste de Boris Vallaud": outside English a first
    /// name and a surname after "de" are the person an institution belongs to, not part of its name, even where the
    /// first name is also a town's.
    /// </summary>
    private bool IsAffiliatedPerson(string text, List<Token> tokens, int i)
    {
        var given = WordSpan(text, tokens, i);
        if (!p.IsFirstName(given) || p.IsCommon(given) || p.PlacePrefixes.Contains(given) || i + 1 >= tokens.Count || tokens[i + 1].LineBreakBefore) return false;
        if (IsNameWord(tokens[i + 1])) return !p.IsCommon(WordSpan(text, tokens, i + 1)) && !p.OrganizationWords.Contains(WordSpan(text, tokens, i + 1));
        // "Ursula von der Leyen": two particles before the surname.
        return i + 3 < tokens.Count && p.NameParticles.Contains(WordSpan(text, tokens, i + 1)) && p.NameParticles.Contains(WordSpan(text, tokens, i + 2)) && IsNameWord(tokens[i + 3]);
    }

    /// <summary>Where an ampersand stands between two names inside tokens [s, e).</summary>
    private static int? AmpersandInside(string text, List<Token> tokens, int s, int e)
    {
        for (int i = s + 1; i < e - 1; i++)
            if (IsAmpersand(text, tokens, i) && IsNameWord(tokens[i - 1]) && IsNameWord(tokens[i + 1])) return i;
        return null;
    }

    private static bool IsAmpersand(string text, List<Token> tokens, int i) => tokens[i].Length == 1 && text[tokens[i].Start] == '&';

    private static bool IsNameWord(Token t) => t.Kind == TokenKind.Word && t.Capitalised;

    private static bool AllNameWords(List<Token> tokens, int s, int e)
    {
        for (int i = s; i < e; i++)
            if (!IsNameWord(tokens[i])) return false;
        return true;
    }

    /// <summary>"easyJet", "eGenesis": a lower-case initial before an inner capital is a brand, which starts a name.</summary>
    private static bool IsLowerCamelName(string text, Token t)
    {
        if (t.Kind != TokenKind.Word || t.Capitalised || t.Length < 4) return false;
        for (int k = 1; k < t.Length - 1; k++)
            if (char.IsUpper(text[t.Start + k])) return char.IsLower(text[t.Start + k + 1]) && char.IsLower(text[t.Start + k - 1]);
        return false;
    }

    /// <summary>
    /// Where the name after a title's complement starts: the first given name, else the first word after the
    /// complement's ordinary words and links ("Financiën Eelco Heinen", "Buitenlandse Zaken Caspar Veldkamp"), when at
    /// least two words are left for the name.
    /// </summary>
    private int? ComplementEnd(string text, List<Token> tokens, int s, int e)
    {
        for (int k = s; k + 1 < e; k++)
            if (IsGivenName(text, tokens, k)) return k;
        int after = s;
        while (after < e && (p.IsCommon(Word(text, tokens, after)) || p.Connectors.Contains(WordSpan(text, tokens, after)) || p.Articles.Contains(WordSpan(text, tokens, after)))) after++;
        return after > s && e - after >= 2 && tokens[after].Capitalised ? after : null;
    }

    /// <summary>Whether the run at <paramref name="s"/> follows a title and its link ("minister van", "commissaris van de").</summary>
    private bool AfterTitleLink(string text, List<Token> tokens, int s)
    {
        int k = s - 1;
        while (k >= 0 && s - k <= 2 && tokens[k].Kind == TokenKind.Word && !tokens[k].Capitalised
               && (p.Connectors.Contains(WordSpan(text, tokens, k)) || p.NounMarkers.Contains(WordSpan(text, tokens, k)) || p.TitleLinks.Contains(WordSpan(text, tokens, k)))) k--;
        return k >= 0 && k < s - 1 && tokens[k].Kind == TokenKind.Word && p.Titles.TryMatch(text, tokens, k, k + 1, out _, out _);
    }

    /// <summary>A first name that no gazetteer lists as anything else.</summary>
    private bool IsGivenName(string text, List<Token> tokens, int i) => p.IsFirstName(WordSpan(text, tokens, i)) && !names.TryMatch(text, tokens, i, i + 1, out _, out _);

    private bool StartsPersonName(string text, List<Token> tokens, int i) =>
        IsGivenName(text, tokens, i) && i + 1 < tokens.Count && IsNameWord(tokens[i + 1]) && !p.IsCommon(Word(text, tokens, i + 1))
        && !p.OrganizationWords.Contains(WordSpan(text, tokens, i + 1));

    /// <summary>
    /// Whether "and" or "'s" at token <paramref name="at"/> sits inside one organisation name: the capitalised run after
    /// it ends in an organisation word, and what comes before it is no name of its own ("Russia's Defence Ministry" and
    /// "Germany and Deutsche Bank" stay apart). <paramref name="end"/> is the end of that run.
    /// </summary>
    private bool JoinsOrganization(string text, List<Token> tokens, int start, int at, bool[] taken, out int end)
    {
        end = at;
        var word = Word(text, tokens, at);
        bool and = p.And.Contains(word), possessive = word is "'s" or "\u2019s";
        if (!and && !possessive) return false;
        int k = at + 1;
        while (k < tokens.Count && !taken[k] && IsNameWord(tokens[k]) && !tokens[k].LineBreakBefore) k++;
        if (p.Articles.Contains(WordSpan(text, tokens, start))) start++;
        // "Geological Survey of Denmark and Greenland": a second place after an organisation's "of".
        if (and && k - at <= 3 && HasOrganizationHead(text, tokens, start, at) && (AllPlaces(text, tokens, at + 1, k) || AllCommon(text, tokens, at + 1, k)))
        {
            end = k;
            return true;
        }
        if (!p.OrganizationWords.Contains(WordSpan(text, tokens, k - 1))) return false;
        for (int j = start; j < at; j++)
        {
            if (names.TryMatch(text, tokens, j, at, out _, out _)) return false;
            if (and && !p.IsCommon(Word(text, tokens, j))) return false;
        }
        if (possessive && (at - start != 1 || p.IsFirstName(WordSpan(text, tokens, start)))) return false;
        end = k;
        return true;
    }

    /// <summary>
    /// Whether "e" at <paramref name="at"/> continues a Romance institution's name of the form head, words and "of"
    /// ("Instituto Português do Mar e da Atmosfera", "Autoridade Nacional de Emergência e Proteção Civil"), up to three
    /// capitalised words after it and its "of", or a comma before a list of its fields that "e" ends ("Ministério da
    /// Ciência, Tecnologia e Inovação"). A second institution, here or abroad, or a listed name after it stays apart
    /// ("Ministério da Saúde e Ministério da Educação", "Banco de Portugal e Caixa Geral de Depósitos", "Câmara Municipal de
    /// Miranda do Douro e da Diputación de Zamora").
    /// </summary>
    private bool JoinsInstitution(string text, List<Token> tokens, int start, int at, bool[] taken, out int end)
    {
        end = at;
        if (text[tokens[at].Start] == ',' && tokens[at].Length == 1)
        {
            int next = at + 1;
            while (next < tokens.Count && next - at <= 3 && !taken[next] && IsFieldWord(text, tokens, next)) next++;
            return next > at + 1 && next < tokens.Count && !taken[next] && JoinsInstitution(text, tokens, start, next, taken, out end);
        }
        if (!p.And.Contains(WordSpan(text, tokens, at))) return false;
        if (p.NounsCapitalised) return JoinsGermanInstitution(text, tokens, start, at, taken, out end);
        start = AfterArticle(text, tokens, start, at);
        // "Algemene Administratie van Douane en Accijnzen": an adjective may open the name before its head.
        if (start + 1 < at && p.IsCommon(Word(text, tokens, start)) && p.OrganizationHeads.Contains(WordSpan(text, tokens, start + 1))) start++;
        if (!p.OrganizationHeads.Contains(WordSpan(text, tokens, start)) && !p.MinistryWords.Contains(WordSpan(text, tokens, start))) return false;
        bool linked = false;
        string? article = null;
        for (int j = start + 1; j < at && !linked; j++)
        {
            linked = p.Connectors.Contains(WordSpan(text, tokens, j)) || p.OrganizationLinks.Contains(WordSpan(text, tokens, j));
            if (linked && j + 1 < at && !tokens[j + 1].Capitalised && p.NounMarkers.Contains(WordSpan(text, tokens, j + 1))) article = Word(text, tokens, j + 1);
        }
        int k = at + 1;
        // "Fundação para a Ciência e a Tecnologia": the second field may open with the article that opened the first.
        while (k < tokens.Count && k - at <= 2 && !taken[k] && tokens[k].Kind == TokenKind.Word && !tokens[k].Capitalised
               && (p.Connectors.Contains(WordSpan(text, tokens, k)) || Word(text, tokens, k) == article)) k++;
        // "Inspectie Leefomgeving en Transport", "Associação Comercial, Industrial e Serviços": a head and its fields of
        // ordinary words (commas between them) need no link before "and", if the last field has none after it either
        // ("Protezione Civile e Vigili del fuoco" are two bodies), or only the place the body serves.
        bool bare = !linked && at >= start + 2 && k < tokens.Count && FieldsOrCommas(text, tokens, start + 1, at) && IsFieldWord(text, tokens, k);
        if (!linked && !bare || k >= tokens.Count || taken[k] || !IsNameWord(tokens[k]) || tokens[k].LineBreakBefore) return false;
        string first = Word(text, tokens, k);
        if (p.OrganizationHeads.Contains(first) || IsForeignHead(first) || p.OrganizationWords.Contains(first) || names.TryMatch(text, tokens, k, tokens.Count, out _, out _)) return false;
        int m = k;
        while (m < tokens.Count && m - k < 3 && !taken[m] && IsNameWord(tokens[m]) && !tokens[m].LineBreakBefore) m++;
        // ("Associação Comercial e Industrial da Huíla": unless the place the body serves closes it.)
        if (m < tokens.Count && (IsNameWord(tokens[m]) || bare && p.Connectors.Contains(WordSpan(text, tokens, m)) && PlaceClosingName(text, tokens, m, taken) == m)) return false;
        end = m;
        return true;
    }

    /// <summary>Whether tokens [s, e) are capitalised ordinary words, or commas between them ("Comercial, Industrial").</summary>
    private bool FieldsOrCommas(string text, List<Token> tokens, int s, int e)
    {
        for (int i = s; i < e; i++)
            if (!IsFieldWord(text, tokens, i) && !(i > s && i + 1 < e && WordSpan(text, tokens, i) is ",")) return false;
        return true;
    }

    /// <summary>
    /// "Bundesministerium für Wirtschaft und Energie", "Bund für Umwelt und Naturschutz Deutschland": "und" and a second
    /// field after a German institution's head and its link, with the country or region that may close the name. A
    /// second institution after it stays apart ("Bundesministerium für Arbeit und Bundesamt für Migration").
    /// </summary>
    private bool JoinsGermanInstitution(string text, List<Token> tokens, int start, int at, bool[] taken, out int end)
    {
        end = at;
        // "Hamburger Hafen und Logistik AG": "und" between ordinary nouns inside a company's name that ends in its legal
        // form; between two names it joins two companies ("Siemens und Bosch AG").
        int form = at + 1;
        while (form < tokens.Count && form - at <= 3 && !taken[form] && IsNameWord(tokens[form]) && !p.IsLegalForm(WordSpan(text, tokens, form))) form++;
        if (form > at + 1 && form < tokens.Count && !taken[form] && p.IsLegalForm(WordSpan(text, tokens, form))
            && p.IsCommon(Word(text, tokens, at - 1)) && !names.TryMatch(text, tokens, at - 1, at, out _, out _))
        {
            end = form + 1;
            return true;
        }
        start = AfterArticle(text, tokens, start, at);
        start = AfterAdjectives(text, tokens, start, at - 1);
        string head = Word(text, tokens, start);
        if (!IsInstitutionHead(head) && !p.OrganizationHeads.Contains(head)) return false;
        bool linked = false;
        for (int j = start + 1; j < at && !linked; j++) linked = p.OrganizationLinks.Contains(WordSpan(text, tokens, j));
        int k = at + 1;
        if (!linked || k >= tokens.Count || taken[k] || tokens[k].LineBreakBefore || !IsFieldWord(text, tokens, k)) return false;
        string field = Word(text, tokens, k);
        if (IsInstitutionHead(field) || p.OrganizationWords.Contains(field) || p.TryTitle(text, tokens, k, k + 1, out _) || p.PersonTypes.TryMatch(text, tokens, k, k + 1, out _, out _))
            return false;
        int next = k + 1;
        if (next < tokens.Count && !taken[next]) next += ListedPlaceLength(text, tokens, next);
        // "und Kulturstaatsminister Wolfram Weimer": a name after the field makes it a role, not a field.
        if (next < tokens.Count && IsNameWord(tokens[next]) && !tokens[next].LineBreakBefore) return false;
        end = next;
        return true;
    }

    /// <summary>A capitalised ordinary word, the kind that names an institution's field ("Tecnologia", "Energie").</summary>
    private bool IsFieldWord(string text, List<Token> tokens, int i) =>
        tokens[i].Kind == TokenKind.Word && char.IsUpper(text[tokens[i].Start]) && !tokens[i].AllCaps && !tokens[i].LineBreakBefore && p.IsCommon(Word(text, tokens, i));

    /// <summary>The token after an article opening the run [i, end), or <paramref name="i"/> when none opens it.</summary>
    private int AfterArticle(string text, List<Token> tokens, int i, int end) => i + 1 < end && p.Articles.Contains(WordSpan(text, tokens, i)) ? i + 1 : i;

    private bool StartsName(string text, List<Token> tokens, int i, bool[] taken) =>
        IsNameWord(tokens[i]) || IsLowerCamelName(text, tokens[i]) || (IsGazetteerStart(text, tokens, i) && names.TryMatch(text, tokens, i, tokens.Count, out _, out _))
        || IsStreetWord(text, tokens, i) || HasGermanField(text, tokens, i, taken) || MinistryFieldStart(text, tokens, i, taken) is not null;

    /// <summary>
    /// "le ministère des Transports", "il ministero della Cultura", "het ministerie van Financiën": where the capitalised
    /// field starts after the lower-case word for a ministry at <paramref name="i"/>, its link and an article; null when
    /// none follows.
    /// </summary>
    private int? MinistryFieldStart(string text, List<Token> tokens, int i, bool[]? taken)
    {
        if (p.MinistryWords.Count == 0 || tokens[i].Capitalised || !p.MinistryWords.Contains(WordSpan(text, tokens, i))) return null;
        int k = i + 1;
        if (k >= tokens.Count || !p.OrganizationLinks.Contains(WordSpan(text, tokens, k))) return null;
        k++;
        if (k < tokens.Count && !tokens[k].Capitalised && p.NounMarkers.Contains(WordSpan(text, tokens, k))) k++;
        return k < tokens.Count && taken?[k] != true && IsNameWord(tokens[k]) && !tokens[k].LineBreakBefore ? k : null;
    }

    /// <summary>"das Institut der deutschen Wirtschaft": a German institution's word before its link and field opens a name.</summary>
    private bool HasGermanField(string text, List<Token> tokens, int head, bool[] taken) =>
        p.NounsCapitalised && head + 2 < tokens.Count && tokens[head].Kind == TokenKind.Word && tokens[head + 1].Kind == TokenKind.Word
        && p.OrganizationLinks.Contains(WordSpan(text, tokens, head + 1)) && IsGermanInstitution(WordSpan(text, tokens, head))
        && GermanFieldEnd(text, tokens, head + 2, taken) is not null;

    private bool IsGermanInstitution(ReadOnlySpan<char> word) =>
        char.IsUpper(word[0]) && (p.OrganizationWords.Contains(word) || IsInstitutionHead(word));

    /// <summary>
    /// "place Kléber", "piazza dei Cavalieri", "stade Jean-Bouin": a street, square or stadium whose name includes its
    /// lower-case generic word; not before a listed organisation or product ("via WhatsApp"), nor before a listed name
    /// of its own after "de" ("el aeropuerto de [Barajas]").
    /// </summary>
    private bool IsStreetWord(string text, List<Token> tokens, int i) => StreetNameStart(text, tokens, i) > 0;

    /// <summary>
    /// Where the name after a street's or a natural feature's lower-case word starts ("quai de la Batte", "baie de
    /// Douarnenez", "rivière des Outaouais"); 0 when no such name follows. A feature is named through "de" only, and may
    /// be named after a listed place, which a street after "de" is not.
    /// </summary>
    private int StreetNameStart(string text, List<Token> tokens, int i)
    {
        if (p.StreetWords.Count == 0 || i + 1 >= tokens.Count || tokens[i].Capitalised) return 0;
        var word = WordSpan(text, tokens, i);
        bool street = p.StreetWords.Contains(word);
        if (!street && !p.FeatureWords.Contains(word) && !p.FeatureCues.Contains(word)) return 0;
        bool linked = i + 2 < tokens.Count && p.Connectors.Contains(WordSpan(text, tokens, i + 1));
        if (!street && !linked) return 0;
        int name = linked ? i + 2 : i + 1;
        if (linked && name + 1 < tokens.Count && !tokens[name].Capitalised && p.NounMarkers.Contains(WordSpan(text, tokens, name))) name++;
        // "laguna de La Ricarda": a name with its own article stands on its own.
        else if (!street && IsArticle(Word(text, tokens, name))) return 0;
        bool listed = names.TryMatch(text, tokens, name, tokens.Count, out _, out var entry);
        bool townServed = linked && street && !p.ThoroughfareWords.Contains(WordSpan(text, tokens, i));
        return IsNameWord(tokens[name]) && !(listed && (townServed || entry.Category is EntityCategories.Organization or EntityCategories.Product))
            && !IsAirportNamedAfterPerson(text, tokens, name) ? name : 0;
    }

    /// <summary>
    /// Where a lower-case court's, police force's or university's name starts that the place at <paramref name="s"/>
    /// closes: "tribunal correctionnel de Paris", "cour d'appel de Douai", "police judiciaire de Lille", "université de
    /// Lausanne", "rechtbank Noord-Nederland"; null when no such head stands up to four words before it.
    /// </summary>
    private int? CourtBeforePlace(string text, List<Token> tokens, int s)
    {
        if (p.CourtWords.Count == 0 || s < 1) return null;
        // "rechtbank Noord-Nederland": Dutch names the court's seat without a link.
        if (!tokens[s - 1].Capitalised && p.CourtWords.Contains(WordSpan(text, tokens, s - 1))) return s - 1;
        if (s < 2 || !p.Connectors.Contains(WordSpan(text, tokens, s - 1))) return null;
        for (int k = s - 2; k >= 0 && s - k <= 5 && tokens[k].Kind == TokenKind.Word && !tokens[k].Capitalised; k--)
        {
            if (p.CourtWords.Contains(WordSpan(text, tokens, k))) return k;
            // "l'université avant de partir de Lyon": a function word or a verb between the head and the place ends the name.
            var word = Word(text, tokens, k);
            if (!p.Connectors.Contains(WordSpan(text, tokens, k)) && (stopWords?.Contains(word) == true || p.IsInflectedVerb(word))) return null;
        }
        return null;
    }

    /// <summary>
    /// "en La Moneda", "el palacio de La Moneda", "la laguna de La Ricarda": inside a sentence, a capitalised article after a
    /// preposition of place, or after "de" and an ordinary word, is the article of a place's own name, which then is a
    /// place. After a name "de La" is a surname's ("Luis de La Fuente").
    /// </summary>
    private bool HasOwnArticle(string text, List<Token> tokens, int s, bool[] sentenceStart) =>
        !p.IsEnglish && !p.NounsCapitalised && s > 0 && !sentenceStart[s] && p.Articles.Contains(WordSpan(text, tokens, s))
        && (p.PlacePrepositions.Contains(WordSpan(text, tokens, s - 1))
            || s > 1 && p.Connectors.Contains(WordSpan(text, tokens, s - 1)) && tokens[s - 2].Kind == TokenKind.Word && !tokens[s - 2].Capitalised);

    /// <summary>
    /// Whether a kind of place stands before token <paramref name="s"/>, directly or through "de", "del", "di": in lower case,
    /// or in German, where it is a capitalised noun ("im Kanton Uri").
    /// </summary>
    private bool AfterPlaceKind(string text, List<Token> tokens, int s)
    {
        if (p.PlaceKinds.Count == 0) return false;
        int k = s - 1;
        bool linked = k > 0 && tokens[k].Kind == TokenKind.Word && !tokens[k].Capitalised && p.Connectors.Contains(WordSpan(text, tokens, k));
        if (linked) k--;
        if (k >= 0 && tokens[k].Kind == TokenKind.Word && (!tokens[k].Capitalised || p.NounsCapitalised) && p.PlaceKinds.Contains(WordSpan(text, tokens, k))) return true;
        // "la planta de Barreda", "lo stabilimento di Melfi", "l'usine de Sallanches": a works' site named through "de",
        // also after the works' adjective ("la planta guipuzcoana de Ormaiztegi").
        if (!linked || k < 0 || tokens[k].Kind != TokenKind.Word || tokens[k].Capitalised) return false;
        if (p.SiteWords.Contains(WordSpan(text, tokens, k))) return true;
        return k > 0 && tokens[k - 1].Kind == TokenKind.Word && !tokens[k - 1].Capitalised && p.SiteWords.Contains(WordSpan(text, tokens, k - 1));
    }

    private bool IsAirportNamedAfterPerson(string text, List<Token> tokens, int name) =>
        name > 0 && p.AirportWords.Count > 0 && p.AirportWords.Contains(WordSpan(text, tokens, name - 1)) && StartsPersonName(text, tokens, name);

    /// <summary>Where a gazetteer name may start: any word, except a German noun that only looks like a name ("Ende").</summary>
    private bool IsGazetteerStart(string text, List<Token> tokens, int i) =>
        tokens[i].Kind == TokenKind.Word && (tokens[i].Capitalised || !p.NounsCapitalised || !char.IsUpper(text[tokens[i].Start]));

    private void Classify(string text, List<Token> tokens, Chunk chunk, bool[] sentenceStart, DocumentContext context, List<Candidate> output)
    {
        int s = chunk.Start, e = chunk.End;
        if (MinistryFieldStart(text, tokens, s, taken: null) is not null)
        {
            // "le ministère de la Santé et des Services sociaux": the ministry's lower-case word opens its name.
            output.Add(new Candidate(s, e, EntityCategories.Organization, null, 0.75, "org-ministry"));
            return;
        }
        if (StreetNameStart(text, tokens, s) is > 0 and int streetName)
        {
            // "aeroporto Marco Polo di Venezia", "stade Marcel-Michelin de Clermont-Ferrand", "plaza de Catalunya de Barcelona":
            // the city a street or a venue with a name of its own (two words, a hyphenated one, or a street's one word after a
            // link) stands in stays apart, after a bare "de" ("estadio Gigante de Arroyito" and "aeropuerto de Málaga-Costa del
            // Sol" are whole names).
            bool linkedStreet = streetName > s + 1 && p.ThoroughfareWords.Contains(WordSpan(text, tokens, s));
            int nameWords = Word(text, tokens, streetName).Contains('-') || linkedStreet ? 1 : 2;
            int end = CityLink(text, tokens, streetName + nameWords, e, bareLinkOnly: true);
            int start = p.FeatureCues.Contains(WordSpan(text, tokens, s)) ? streetName : s;
            AddBeforeCity(text, tokens, new Candidate(start, end, EntityCategories.Location, "Structural", 0.75, "place-street"), e, sentenceStart, context, output);
            return;
        }
        // "Hanno votato...": a function word opening the sentence is no place, whatever town abroad shares its name; nor is
        // an ordinary word that only a small town's name spells ("Leer stand das Haus", "Tours et détours").
        if (e - s == 1 && sentenceStart[s] && !p.IsEnglish && (IsFunctionWord(WordSpan(text, tokens, s)) || IsOrdinaryWordTown(text, tokens, s))) return;
        if (!p.IsEnglish && AmpersandInside(text, tokens, s, e) is int ampersand)
        {
            // "Montoro & Jódar Abogados", "Wageningen University & Research": the names an ampersand joins are a firm's, from
            // the capitalised words right before it; what stands before those is classified on its own.
            int start = ampersand;
            while (start > s && IsNameWord(tokens[start - 1]) && !p.Articles.Contains(WordSpan(text, tokens, start - 1))) start--;
            if (start > s) Classify(text, tokens, new Chunk(s, start), sentenceStart, context, output);
            output.Add(new Candidate(start, e, EntityCategories.Organization, null, 0.75, "org-ampersand"));
            return;
        }
        if (ClubOfPlaceStart(text, tokens, s, e) is int club)
        {
            // "SG Flensburg-Handewitt", "Le Lausanne HC": a club's form beside a town names the town's club.
            output.Add(new Candidate(club, e, EntityCategories.Organization, "Sports", 0.8, "org-club"));
            return;
        }
        if (p.NounsCapitalised && IsTownOnRiver(text, tokens, s, e))
        {
            output.Add(new Candidate(s, e, EntityCategories.Location, "GPE", 0.8, "place-town-on-river"));
            return;
        }
        if (AfterPlaceKind(text, tokens, s) && !names.TryMatch(text, tokens, s, e, out _, out _) && !context.IsPerson(RunText(text, tokens, s, e)) && !StartsPersonName(text, tokens, s))
        {
            // "la comarca del Besaya", "el polígono de Morás", "il fiume Lamone": a name after the kind of place it is.
            output.Add(new Candidate(s, e, EntityCategories.Location, "Geographical", 0.7, "place-kind"));
            return;
        }
        if (CourtBeforePlace(text, tokens, s) is int court && (IsListedPlace(text, tokens, s, e)
            || e - s == 1 && (p.IsCompoundPlaceName(WordSpan(text, tokens, s)) || p.StartsWithPlace(WordSpan(text, tokens, s)) || p.EndsWithPlace(WordSpan(text, tokens, s)))))
        {
            output.Add(new Candidate(court, e, EntityCategories.Organization, null, 0.75, "org-court"));
            return;
        }
        if (IsAirportNamedAfterPerson(text, tokens, s))
        {
            output.Add(new Candidate(s, e, EntityCategories.Location, "Structural", 0.75, "place-airport"));
            return;
        }
        // "le ministre Lecornu", "la presidenta Sheinbaum": a lower-case title just before the name.
        bool personContext = p.LowercaseTitles && s > 0 && tokens[s - 1].Kind == TokenKind.Word && !tokens[s - 1].Capitalised
            && p.Titles.TryMatch(text, tokens, s - 1, s, out _, out _)
            // "Lefier-bestuurder Ludo Visser", "Erixx-Geschäftsführer Wolfgang Kamp": the role split off an organisation's name.
            || !p.IsEnglish && s > 2 && tokens[s - 1].Kind == TokenKind.Word && text[tokens[s - 2].Start] == '-' && tokens[s - 2].Length == 1 && tokens[s - 2].End == tokens[s - 1].Start
            && (p.TryTitle(text, tokens, s - 1, s, out _) || p.PersonTypes.TryMatch(text, tokens, s - 1, s, out _, out _));
        if (!p.IsEnglish && AfterTitleLink(text, tokens, s) && !IsInstitutionOfPlace(text, tokens, s, e))
        {
            // "minister van Buitenlandse Zaken David van Weel", "commissaris van de Koning René Paas": the run is the
            // title's complement up to the name that follows it.
            if (ComplementEnd(text, tokens, s, e) is int name) { s = name; personContext = true; }
        }
        // A nationality stays in an organisation's name: "European Space Agency", "Italian Ministry of Culture", "the
        // Georgian Dream party".
        bool endsAsOrganization = e - s >= 2 && (p.OrganizationWords.Contains(WordSpan(text, tokens, e - 1)) || HasOrganizationHead(text, tokens, s, e)
            || e < tokens.Count && tokens[e].Kind == TokenKind.Word && !tokens[e].Capitalised && p.PartyWords.Contains(WordSpan(text, tokens, e)));
        while (s < e)
        {
            var word = Word(text, tokens, s);
            if (IsSaintAbbreviation(text, tokens, s, e)) break;
            if (!p.IsEnglish && e - s >= 2 && tokens[s].Capitalised && p.NameParticlesAnyCase.Contains(WordSpan(text, tokens, s)) && context.IsPerson(RunText(text, tokens, s, e)))
            {
                // "Van Weel" after "David van Weel": a surname whose particle opens the sentence.
                output.Add(new Candidate(s, e, EntityCategories.Person, null, 0.85, "person-known-in-document"));
                return;
            }
            bool gazetteer = names.TryMatch(text, tokens, s, e, out _, out _);
            // "die Tageszeitung Dolomiten", "die Frachtfluggesellschaft Cargolux": German capitalises the kind of body inside
            // the run; the name after it is the body's.
            if (p.NounsCapitalised && !gazetteer && s + 1 < e && p.IsOrganizationKind(word)) { s++; continue; }
            // "European Space Agency" keeps its adjective; "German Chancellor" does not; "European Union" is a name; a
            // first name before a surname is no adjective ("Christian Drosten").
            if (!gazetteer && p.Demonyms.Contains(word) && !endsAsOrganization && !StartsPersonName(text, tokens, s)) { s++; continue; }
            if (!gazetteer && p.TryTitle(text, tokens, s, e, out int titleLength) && s + titleLength < e
                && !(e - s >= 3 && (p.OrganizationWords.Contains(WordSpan(text, tokens, e - 1)) || HasOrganizationHead(text, tokens, s, e))))
            {
                // ("General Confederation of Labour", "Major League Baseball": a title word that starts an organisation's name is no title.)
                string title = RunText(text, tokens, s, s + titleLength);
                if (p.NameTitles.Contains(title))
                {
                    personContext = true;
                    break;
                }
                // "President Zelensky" -> PersonType "President" + Person "Zelensky"; "Mr" is dropped.
                if (!p.Honorifics.Contains(title))
                    output.Add(new Candidate(s, s + titleLength, EntityCategories.PersonType, null, 0.9, "title"));
                s += titleLength;
                personContext = true;
                // "minister van Volkshuisvesting Mona Keijzer", "ministre de l'Économie Roland Lescure": the title's
                // complement runs up to the first name.
                if (!p.IsEnglish && s < e && p.Connectors.Contains(WordSpan(text, tokens, s)))
                    if (ComplementEnd(text, tokens, s + 1, e) is int name) s = name;
                continue;
            }
            if (!gazetteer && s + 1 < e && IsRoleWord(text, tokens, s, e, out int roleLength) && s + roleLength < e && IsNameWord(tokens[s + roleLength])
                && !OpensBodyAfterRole(text, tokens, s + roleLength))
            {
                // "Glaciologist Jason Box", "Co-founder Jack Ma": a capitalised role word in front of a name.
                output.Add(new Candidate(s, s + roleLength, EntityCategories.PersonType, null, 0.8, "role-word"));
                s += roleLength;
                personContext = true;
                continue;
            }
            if (s + 1 < e && HasOwnArticle(text, tokens, s, sentenceStart)) break;
            // "El Banco de España": outside English an article is no part of a name unless the whole name is listed with it
            // ("La Palma"), or it is capitalised inside a sentence, which only a title does ("el diario El Comercio", "o jornal A Tarde").
            if (!p.IsEnglish && p.Articles.Contains(word) && s + 1 < e)
            {
                bool opensSentence = sentenceStart[s] || s == 0 || tokens[s - 1].Kind != TokenKind.Word;
                if (!opensSentence || names.TryMatch(text, tokens, s, e, out int listed, out _) && listed == e - s) break;
                s++;
                continue;
            }
            if (gazetteer) break;
            if (p.Articles.Contains(word)) { s++; continue; }
            // "ministro dell'Economia Giancarlo Giorgetti": elsewhere too, an ordinary word before a first name is no part of the name.
            // German writes every noun capitalised, so there an unlisted word before a first name is one, dictionary or not ("Torschütze Harry Kane").
            bool beforeName = !p.IsEnglish && s + 2 < e && StartsPersonName(text, tokens, s + 1) && !p.IsFirstName(word)
                // "die Leipziger Autorin Mareike Sondershausen": in German an adjective may stand before the role, two words before the name.
                || p.NounsCapitalised && s + 3 < e && !p.IsFirstName(word) && p.TryTitle(text, tokens, s + 1, e, out int roleAfter) && s + 1 + roleAfter < e
                    && IsNameWord(tokens[s + 1 + roleAfter]) && !p.IsCommon(WordSpan(text, tokens, s + 1 + roleAfter));
            // ("NS zet pendelbussen in": an acronym opening the sentence is written so whatever word it spells.)
            if (((sentenceStart[s] && !(tokens[s].AllCaps && tokens[s].Length >= 2) || beforeName) && p.IsCommon(word) || beforeName && p.NounsCapitalised && !names.TryMatch(text, tokens, s, s + 1, out _, out _))
                && !(p.IsFirstName(word) && SurnameFollows(text, tokens, s + 1, e))
                && !context.IsAlias(word) && !context.IsOrganizationName(word) && !(p.OrganizationFirstWords.Contains(word) && s + 1 < e)
                // "Museo Reina Sofía", "Fondazione Giorgio Cini", "Aeroporto Humberto Delgado": an institution's or a place's
                // capitalised head keeps the name it is given after.
                && !(beforeName && !p.NounsCapitalised && (p.OrganizationHeads.Contains(word) || p.PlacePrefixes.Contains(word)))
                // "Waterschap Limburg houdt...": nor the head that opens a sentence before the place it serves; before a name of
                // its own it only describes ("Vakbond FNV", "Hogeschool Thomas More").
                && !(sentenceStart[s] && s + 1 < e && !p.NounsCapitalised && p.OrganizationHeads.Contains(word)
                    && names.TryMatch(text, tokens, s + 1, e, out _, out var served) && served.Category == EntityCategories.Location)
                // "Federal Reserve Bank" keeps its first word; "Bierbrouwer Heineken N.V." and "Chipmaker Nvidia Corp" do not:
                // there an ordinary word describes the company whose name follows.
                && !(e - s >= 3 && p.OrganizationWords.Contains(WordSpan(text, tokens, e - 1)) && p.IsCommon(Word(text, tokens, s + 1)) && !p.OrganizationHeads.Contains(WordSpan(text, tokens, s + 1)))
                // "Ook ING Groep": a function word opening the sentence is never part of the name.
                || sentenceStart[s] && s + 1 < e && IsFunctionWord(word))
            {
                s++;
                continue;
            }
            break;
        }
        while (e > s && p.Connectors.Contains(WordSpan(text, tokens, e - 1))) e--;
        // "Ayer el Ministerio de Hacienda": what a peeled word leaves in front is no part of the name.
        while (!p.IsEnglish && s < e && !tokens[s].Capitalised && !names.TryMatch(text, tokens, s, e, out _, out _)) s++;
        // "Vorstandschef Dr." when the name after the dot is a chunk of its own: an honorific alone names nobody.
        if (s >= e || e - s <= 2 && p.Honorifics.Contains(RunText(text, tokens, s, e))) return;
        if (NamesBodyOfLinkedPlace(text, tokens, s, e, sentenceStart))
        {
            // "Ville de Nyon", "Legislatura de Córdoba", "Rekenkamer van Suriname": a capitalised ordinary word, "of" and the
            // place that closes the run name the place's body.
            output.Add(new Candidate(s, e, EntityCategories.Organization, null, 0.6, "org-of-linked-place"));
            return;
        }
        if (IsSaintAbbreviation(text, tokens, s, e) && !names.TryMatch(text, tokens, s, e, out _, out _)
            && !p.OrganizationWords.Contains(WordSpan(text, tokens, e - 1)) && !p.EndsInOrganizationWord(WordSpan(text, tokens, e - 1)))
        {
            // "St. Gallen", "St. Anton am Arlberg": a name opened by a saint's abbreviation that no list holds is a place's.
            output.Add(new Candidate(s, e, EntityCategories.Location, "GPE", 0.6, "place-saint"));
            return;
        }
        if (!p.IsEnglish && s > 0 && tokens[s - 1].Kind == TokenKind.Word && !tokens[s - 1].Capitalised && p.HospitalWords.Contains(WordSpan(text, tokens, s - 1)))
        {
            // "all'ospedale Santa Maria della Misericordia", "l'hôpital Georges-Pompidou": after the word for a hospital the
            // name is the hospital's, whoever or whatever it is named after; a city after it stays apart ("di Nuoro").
            int end = CityLink(text, tokens, s + 1, e);
            AddBeforeCity(text, tokens, new Candidate(s, end, EntityCategories.Organization, null, 0.75, "org-hospital"), e, sentenceStart, context, output);
            return;
        }
        if (!p.IsEnglish && VenueEnd(text, tokens, s, e) is int venue)
        {
            // "Abe Lenstra Stadion", "Roig Arena", "BCF Arena": the word for an arena after a name makes the whole a venue,
            // a place, whoever or whatever it is named after; a city after it stays apart ("Roig Arena de Valencia").
            AddBeforeCity(text, tokens, new Candidate(s, venue, EntityCategories.Location, "Structural", 0.75, "place-venue"), e, sentenceStart, context, output);
            return;
        }
        if (e - s == 2 && HasOwnArticle(text, tokens, s, sentenceStart) && !(e < tokens.Count && p.Connectors.Contains(WordSpan(text, tokens, e)))
            && !names.TryMatch(text, tokens, s, e, out _, out _))
        {
            // "en La Moneda": a name with its own article where a place is named is a place.
            output.Add(new Candidate(s, e, EntityCategories.Location, "GPE", 0.45, "place-after-preposition"));
            return;
        }
        if (!p.IsEnglish && e - s >= 2 && !sentenceStart[s] && s > 0 && tokens[s - 1].Kind == TokenKind.Word && tokens[s].Capitalised
            && p.Articles.Contains(WordSpan(text, tokens, s)) && !names.TryMatch(text, tokens, s, e, out _, out _) && !GoesOnInLowerCase(text, tokens, e)
            && !AfterWorkWord(text, tokens, s))
        {
            if (e - s == 2 && context.IsPerson(Word(text, tokens, e - 1)))
            {
                output.Add(new Candidate(s, e, EntityCategories.Person, null, 0.85, "person-known-in-document"));
                return;
            }
            // "volgens De Lijn", "selon Le Parisien", "lo scrive Il Secolo XIX": inside a sentence a capitalised article opens a
            // title, a body's more often than a place's, unless the kind of place stands before it ("domein De Gavers"), or the
            // article and a surname name a person named earlier ("Yann Le Goff" ... "Le Goff"). A title after the word for a
            // work, or going on in lower case, is a work's ("das Gemälde Der Holzfäller", "La Maison vide").
            if (AfterPlaceKind(text, tokens, s))
            {
                output.Add(new Candidate(s, e, EntityCategories.Location, "Geographical", 0.6, "place-kind"));
                return;
            }
            if (!AfterOrdinaryNoun(text, tokens, s)) output.Add(new Candidate(s, e, EntityCategories.Organization, null, 0.6, "org-article-name"));
            return;
        }
        if (!p.IsEnglish && PlaceAfterOwnName(text, tokens, s, e) is var (cityLink, city))
        {
            // "Museo del Prado di Madrid", "Ospedale San Raffaele di Milano": an institution with a name of its own
            // keeps the city it stands in apart, as the gold rules do; "Politecnico di Milano" has no other name.
            output.Add(new Candidate(s, cityLink, EntityCategories.Organization, null, 0.75, "org-own-name"));
            output.Add(new Candidate(cityLink + 1, e, city.Category, city.Subcategory, city.Weight, "gaz-" + city.Source));
            return;
        }
        if (!p.IsEnglish && e - s >= 2 && IsInstitutionOfPlace(text, tokens, s, e))
        {
            // "Landgericht Wiesbaden", "Staatsanwaltschaft Köln", "Waterschap Limburg", "Métropole de Lyon": an
            // institution named by its kind and the place it serves, also after a title ("presidente della Regione Lombardia").
            output.Add(new Candidate(s, e, EntityCategories.Organization, null, 0.75, "org-institution-of-place"));
            return;
        }
        if (!p.IsEnglish && OrganizationAfterLink(text, tokens, s, e) is ({ } link, { } organization))
        {
            // "Pesquisadores da Fundação Oswaldo Cruz", "Elena Aprile della Columbia University": who works at an
            // organisation is named apart from it.
            Classify(text, tokens, new Chunk(s, link), sentenceStart, context, output);
            Classify(text, tokens, new Chunk(organization, e), sentenceStart, context, output);
            return;
        }
        if (PersonBeforeAffiliation(text, tokens, s, e, personContext) is int affiliation)
        {
            // "Burgemeester Carola Schouten van Rotterdam", "Herman Schueremans van Live Nation": the person is named
            // apart from the place or body they belong to; a title before the name has already said it is a person's.
            if (personContext) output.Add(new Candidate(s, affiliation, EntityCategories.Person, null, 0.9, "person-after-title"));
            else Classify(text, tokens, new Chunk(s, affiliation), sentenceStart, context, output);
            Classify(text, tokens, new Chunk(affiliation + 1, e), sentenceStart, context, output);
            return;
        }

        string first = Word(text, tokens, s), last = Word(text, tokens, e - 1);
        if (e - s <= 3 && p.IsNamedStructure(last, e - s >= 2 ? WordSpan(text, tokens, e - 2) : default) && !p.AfterIndefiniteArticle(text, tokens, s)
            && !names.TryMatch(text, tokens, s, e, out _, out _))
        {
            // "die Carolabrücke", "het Jan Breydelstadion": a structure named by a compound, a person's name included.
            output.Add(new Candidate(s, e, EntityCategories.Location, "Structural", 0.75, "place-named-structure"));
            return;
        }
        if (e - s == 1 && p.IsDirectionalPlace(first))
        {
            output.Add(new Candidate(s, e, EntityCategories.Location, "GPE", 0.8, "place-direction"));
            return;
        }
        if (s > 0 && IsQuote(WordSpan(text, tokens, s - 1)) && e + 1 < tokens.Count && IsQuote(WordSpan(text, tokens, e)) && p.EventNouns.Contains(WordSpan(text, tokens, e + 1)))
        {
            // "the “Noches de Flamenco” festival": a quoted title is the event's name, whatever words it holds.
            output.Add(new Candidate(s, e, EntityCategories.Event, null, 0.75, "event-quoted"));
            return;
        }
        if (!p.IsEnglish && e - s == 1 && context.IsPerson(first) && !(s > 0 && p.IsOrganizationDescriptor(WordSpan(text, tokens, s - 1))) && !IsListedPlaceAfterPreposition(text, tokens, s))
        {
            // "Montenegro" after "Luís Montenegro": the person named in full earlier, not the country.
            output.Add(new Candidate(s, e, EntityCategories.Person, null, 0.85, "person-known-in-document"));
            return;
        }
        if (p.NounsCapitalised && e - s >= 2 && p.PlaceKinds.Contains(first) && names.TryMatch(text, tokens, s + 1, e, out int kindless, out var ofKind) && kindless == e - s - 1)
        {
            // "im Kanton Bern", "auf der Insel Neuwerk": the kind stays outside a place that is named on its own, though
            // GeoNames lists "Kanton Bern" too.
            output.Add(new Candidate(s + 1, e, ofKind.Category, ofKind.Subcategory, ofKind.Weight, "gaz-" + ofKind.Source));
            return;
        }
        if (e - s == 1 && s > 0 && tokens[s - 1].Kind == TokenKind.Word && p.IsPlaceAfterItsArticle(WordSpan(text, tokens, s - 1), WordSpan(text, tokens, s), out var namedWithArticle))
        {
            output.Add(new Candidate(s, e, EntityCategories.Location, namedWithArticle.Subcategory, Math.Max(namedWithArticle.Weight, 0.7), "place-after-its-article"));
            return;
        }
        if (names.TryMatch(text, tokens, s, e, out int exact, out var whole) && exact == e - s)
        {
            // "der Armaturenhersteller Kemper", "el diario Los Andes": after the kind of company, a town's name is the company's.
            bool townName = IsTown(whole, exact) || exact == 2 && whole.Category == EntityCategories.Location && whole.Weight < 0.9 && p.Articles.Contains(first);
            if (!p.IsEnglish && s > 0 && townName && p.IsOrganizationDescriptor(WordSpan(text, tokens, s - 1)))
                output.Add(new Candidate(s, e, EntityCategories.Organization, null, 0.6, "org-descriptor-town"));
            else
                output.Add(new Candidate(s, e, whole.Category, whole.Subcategory, whole.Weight, "gaz-" + whole.Source));
            return;
        }
        if (!p.IsEnglish && AcronymBeforePlace(text, tokens, s, e))
        {
            output.Add(new Candidate(s, e, EntityCategories.Organization, null, 0.75, "org-acronym-place"));
            return;
        }
        if (!p.IsEnglish && !p.NounsCapitalised && e - s == 2 && IsAcronymBeforeName(text, tokens, s))
        {
            // "GGD Kennemerland", "LTO Noord", "AZ Delta": an acronym and the name of its branch or house are one body.
            output.Add(new Candidate(s, e, EntityCategories.Organization, null, 0.65, "org-acronym-name"));
            return;
        }
        if (p.NounsCapitalised && IsGermanRegion(text, tokens, s, e))
        {
            output.Add(new Candidate(s, e, EntityCategories.Location, "Geographical", 0.7, "place-region"));
            return;
        }
        if (p.NounsCapitalised && GermanInstitution(text, tokens, s, e) is var (named, compound))
        {
            output.Add(new Candidate(named, e, compound, compound == EntityCategories.Location ? "Structural" : null, 0.75, "named-compound"));
            return;
        }
        if (e - s >= 2 && p.EventHeads.Contains(first))
        {
            // "Festival de Cannes", "Festival di Sanremo": a festival named by its place or its art is an event.
            output.Add(new Candidate(s, e, EntityCategories.Event, "Cultural", 0.75, "event-head"));
            return;
        }
        if (e - s >= 2 && (p.OrganizationWords.Contains(last) || p.EndsInOrganizationWord(last))
            || e - s >= 3 && p.OrganizationPrefixes.Contains(first) && p.OrganizationLinks.Contains(WordSpan(text, tokens, s + 1))
            || e - s >= 2 && IsForeignHead(first)
            || HasOrganizationHead(text, tokens, s, e))
        {
            output.Add(new Candidate(s, e, EntityCategories.Organization, null, 0.8, "org-form"));
            return;
        }
        if (!personContext && e - s <= 4 && s > 0 && p.IsOrganizationKind(WordSpan(text, tokens, s - 1))
            && !tokens[s].AllCaps && !HasStrongPlace(text, tokens, s, e) && (e == tokens.Count || tokens[e].Kind != TokenKind.Word || WordSpan(text, tokens, e) is "'s" or "\u2019s"
                // "le développeur Valorem annonce": outside English a name with no first name is the subject of the verb after it.
                || !p.IsEnglish && !tokens[e].Capitalised && !p.IsFirstName(first)))
        {
            // "the Toulouse-based company Aurora Orbital, ...": the kind word says what the name is even when it starts
            // with a first name; a verb after it ("the company Elon Musk founded") would make it an object instead.
            output.Add(new Candidate(s, e, EntityCategories.Organization, null, 0.75, "org-kind"));
            return;
        }
        if (e - s == 2 && last is "UK" or "US" or "USA" && !names.TryMatch(text, tokens, s, s + 1, out _, out _) && !p.IsFirstName(first))
        {
            // "Three UK", "Reform UK": a national arm or party named with its country's code.
            output.Add(new Candidate(s, e, EntityCategories.Organization, null, 0.7, "org-country-code"));
            return;
        }
        // (Outside English a foreign head has named the whole run in the organisation-form rule above.)
        if (e - s >= 3 && p.IsEnglish && p.ForeignOrganizationHeads.Contains(first) && p.Connectors.Contains(WordSpan(text, tokens, s + 1)))
        {
            // "Junta de Andalucía", "Ministerio de Hacienda" in English text: a foreign institution's head before its complement.
            output.Add(new Candidate(s, e, EntityCategories.Organization, null, 0.75, "org-foreign-head"));
            return;
        }
        if (e - s >= 3 && !p.IsEnglish && p.OrganizationHeads.Contains(first) && p.PlacePrefixes.Contains(WordSpan(text, tokens, s + 1))
            && !p.IsFirstName(Word(text, tokens, s + 2)) && !IsListedArea(text, tokens, s + 1, e))
        {
            // "Nationaal Park Hoge Kempen": a national or royal place is a place; "Policlinico San Matteo" is the saint's.
            output.Add(new Candidate(s, e, EntityCategories.Location, "Structural", 0.75, "place-form"));
            return;
        }
        if (e - s >= 2 && p.OrganizationHeads.Contains(first) && (!p.NounsCapitalised || !StartsPersonName(text, tokens, s + 1))
            // "la Pontificia Universidad Javeriana", "la Nuova Accademia di Belle Arti": an adjective before the head.
            || e - s >= 3 && !p.IsEnglish && !p.NounsCapitalised && !sentenceStart[s] && p.OrganizationHeads.Contains(WordSpan(text, tokens, s + 1))
               && p.IsCommon(first) && !p.IsFirstName(first) && !p.Demonyms.Contains(first) && !p.TryTitle(text, tokens, s, s + 1, out _))
        {
            // "Partito democratico", "Regione Emilia-Romagna", "Comune Roma": an institution's head before lower-case words or a place.
            output.Add(new Candidate(s, e, EntityCategories.Organization, null, 0.75, "org-head"));
            return;
        }
        if (e - s >= 2 && p.PlaceSuffixes.Contains(last) && !p.IsFirstName(first))
        {
            output.Add(new Candidate(s, e, EntityCategories.Location, "Structural", 0.75, "place-form"));
            return;
        }
        if (e - s >= 2 && data.PlaceSuffixes.TryGetValue(last, out var placeSub) || e - s >= 2 && (data.PlacePrefixes.TryGetValue(first, out placeSub) || p.PlacePrefixes.Contains(first)))
        {
            output.Add(new Candidate(s, e, EntityCategories.Location, placeSub, 0.75, "place-form"));
            return;
        }
        if (e - s >= 2 && p.IsEnglish && !p.IsFirstName(first)
            && (p.ForeignPlaceSuffixes.Contains(last) && !p.IsCommon(last) && !HasNameParticle(text, tokens, s, e)
                || p.ForeignPlacePrefixes.Contains(first) && (p.Connectors.Contains(WordSpan(text, tokens, s + 1)) || !p.IsCommon(first) && !sentenceStart[s] && !HasName(text, tokens, s, e))))
        {
            // "Ullevaal Stadion", "Plaza de España", "Río Abajo": English news keeps foreign places in their own words. An
            // English word ("Park", "Place") counts only before a foreign link ("Place de la Concorde"), not before a name
            // ("Park Chung-hee"); without that link a listed place in the name makes it a team ("San Francisco 49ers"), and at a
            // sentence's start, where no article or quote sets it off, it is as often a company ("Rio Tinto agreed ...").
            output.Add(new Candidate(s, e, EntityCategories.Location, "Structural", 0.7, "place-foreign-form"));
            return;
        }
        if (e - s >= 2 && data.ProductWords.Contains(last))
        {
            output.Add(new Candidate(s, e, EntityCategories.Product, null, 0.7, "product-form"));
            return;
        }
        if (e - s >= 2 && data.EventPrefixes.TryGetValue(first, out var eventSub))
        {
            output.Add(new Candidate(s, e, EntityCategories.Event, eventSub, 0.8, "event-prefix"));
            return;
        }
        if (e - s >= 2 && data.EventWords.Contains(last))
        {
            output.Add(new Candidate(s, e, EntityCategories.Event, null, 0.7, "event-word"));
            return;
        }
        if (!personContext && !context.IsPerson(RunText(text, tokens, s, e)) && e - s <= 4 && !HasName(text, tokens, s, e)
            && (OrganizationContext(text, tokens, s, e) || e - s >= 2 && HasCamelCase(text, tokens, s, e)))
        {
            // "supplier Spirit AeroSystems", "economists at BNP Paribas", "the IG Metall union", "SoftBank Group".
            output.Add(new Candidate(s, e, EntityCategories.Organization, null, 0.7, "org-evidence-chunk"));
            return;
        }
        if (!personContext && context.IsOrganizationName(RunText(text, tokens, s, e)))
        {
            // "Aurora Orbital's launch" in a headline, before the body says "the company Aurora Orbital".
            output.Add(new Candidate(s, e, EntityCategories.Organization, null, 0.78, "org-known-in-document"));
            return;
        }
        if (!personContext && e - s is 2 or 3 && s > 0 && p.VenueArticles.Contains(WordSpan(text, tokens, s - 1)) && AllNameWords(tokens, s, e)
            && (p.IsFirstName(first) || names.TryMatch(text, tokens, s, s + 1, out _, out var town) && town.Category == EntityCategories.Location && town.Weight < 0.9))
        {
            // "el Santiago Bernabéu", "del Martín Carpena": a masculine article never stands before a person's name in
            // Spanish or Italian news, so a person's name after it is the stadium or hall named after them.
            output.Add(new Candidate(s, e, EntityCategories.Location, "Structural", 0.6, "place-named-after-person"));
            return;
        }
        bool particles = HasNameParticle(text, tokens, s, e);
        if (!p.IsEnglish && !personContext && e - s >= 2 && e - s <= (particles ? 5 : 3) && !sentenceStart[s] && !tokens[s].AllCaps
            && names.TryMatch(text, tokens, s, s + 1, out _, out var given) && given.Category == EntityCategories.Location && given.Weight < 0.9
            && (IsUnknownName(text, tokens, e - 1) && !p.IsCommon(Word(text, tokens, e - 1)) && !HasName(text, tokens, s + 1, e) || particles && IsSurnameAfterParticle(text, tokens, s, e)))
        {
            // "Santiago Abascal", "Hansi Flick", "Victoria de Jong": a small place's name before an unknown surname is a given
            // name.
            output.Add(new Candidate(s, e, EntityCategories.Person, null, 0.6, "person-place-given-name"));
            return;
        }
        if (!p.IsEnglish && !p.NounsCapitalised && e - s == 2 && IsAcronymAfterName(text, tokens, s))
        {
            // "Erasmus MC", "Radboud UMC": a name and an acronym after it are an institution's, never a person's.
            output.Add(new Candidate(s, e, EntityCategories.Organization, null, 0.7, "org-name-acronym"));
            return;
        }
        // "Marine Le Pen", "Pierre Moscovici": opening a sentence, a first name that is also an ordinary word is a first
        // name when a surname follows it.
        bool firstName = p.IsFirstName(first) && !(sentenceStart[s] && p.IsCommon(first) && !SurnameFollows(text, tokens, s + 1, e))
            && !p.OpensPlaceName(first, e - s);
        // "Viajó de Madrid a Sevilla": a verb opening the sentence is no unknown given name; "Ifremer de Sète": nor is a
        // word whose "de" leads to a listed place, the seat of what it names.
        bool unknownGivenName = IsUnknownName(text, tokens, s) && !(sentenceStart[s] && p.IsInflectedVerb(first))
            && !(s + 2 < e && p.Connectors.Contains(WordSpan(text, tokens, s + 1)) && IsListedPlace(text, tokens, s + 2, e));
        if (e - s >= 2 && e - s <= (particles ? 6 : 4) && (personContext || firstName || unknownGivenName) && (!HasStrongPlace(text, tokens, s + 1, e) || !p.IsEnglish && firstName && e - s == 2)
            && (personContext || !p.OrganizationFirstWords.Contains(first)) && !tokens[s].AllCaps && !HasOf(text, tokens, s, e)
            // An unknown given name stands before surnames that places share ("Shinichiro Sakai", "Juanfran Pérez Llorca"),
            // not before other words and a place ("Economic Board Groningen").
            && (personContext || firstName || HasPlace(text, tokens, s + 1, e) && (p.IsFirstName(WordSpan(text, tokens, s + 1)) || EachWordAPlace(text, tokens, s + 1, e))))
        {
            if (!p.IsEnglish && !personContext && !firstName && e - s == 2 && names.TryMatch(text, tokens, s + 1, e, out _, out var served)
                && IsBodyOfPlace(text, tokens, s, s + 1, served, sentenceStart[s]))
            {
                // "Edisu Piemonte", "Virtus Verona": outside English an unknown word before a place names a body more often than a person.
                output.Add(new Candidate(s, e, EntityCategories.Organization, null, 0.6, "org-of-place"));
                return;
            }
            if (!personContext && firstName && EndsInBodyWord(text, tokens, e))
            {
                output.Add(new Candidate(s, e, EntityCategories.Organization, null, 0.65, "org-named-after-person"));
                return;
            }
            // "Marco Rubio", "Shinichiro Sakai": after a first name, a title or an unknown given name, a surname that is
            // also a small place is a surname.
            output.Add(new Candidate(s, e, EntityCategories.Person, null, personContext ? 0.9 : firstName ? 0.85 : 0.6, personContext ? "person-after-title" : firstName ? "person-first-name" : "person-unknown-given-name"));
            return;
        }
        // (Outside English a team is not named place-first, and a place-named person is common: "Santiago Abascal".)
        if (e - s >= 2 && e - s <= 3 && p.IsEnglish && !p.IsFirstName(first) && names.TryMatch(text, tokens, s, s + 1, out _, out var place)
            && place.Category == EntityCategories.Location && !names.TryMatch(text, tokens, s + 1, e, out _, out _)
            || e - s >= 2 && p.OrganizationFirstWords.Contains(first) && !names.TryMatch(text, tokens, s, e, out _, out _))
        {
            // "Denver Nuggets", "USA Gymnastics", "World Athletics": a place or a "World ..." leading other capitalised words.
            output.Add(new Candidate(s, e, EntityCategories.Organization, null, 0.6, "org-led-by-place"));
            return;
        }
        SplitByGazetteer(text, tokens, s, e, (personContext, context, sentenceStart), output, namesOnly: false);
    }

    /// <summary>"Jonas Vingegaard of Visma-Lease": a person's name never holds "of"; such a chunk is split instead.</summary>
    private bool HasOf(string text, List<Token> tokens, int s, int e)
    {
        for (int i = s + 1; i + 1 < e; i++)
            if (IsOfOrFor(WordSpan(text, tokens, i))) return true;
        return false;
    }

    private bool HasNameParticle(string text, List<Token> tokens, int s, int e) => HasAnyOf(p.NameParticles, text, tokens, s + 1, e - 1);

    private bool EachWordAPlace(string text, List<Token> tokens, int s, int e)
    {
        for (int i = s; i < e; i++)
            if (!names.TryMatch(text, tokens, i, i + 1, out _, out var entry) || entry.Category != EntityCategories.Location) return false;
        return true;
    }

    private bool HasPlace(string text, List<Token> tokens, int s, int e)
    {
        for (int i = s; i < e; i++)
            if (names.TryMatch(text, tokens, i, e, out _, out var entry) && entry.Category == EntityCategories.Location) return true;
        return false;
    }

    /// <summary>
    /// "Bombeiros Voluntários de Arganil": where common nouns are written in lower case, a capitalised role before an
    /// ordinary word that is no first name opens a body's name, not a person's.
    /// </summary>
    private bool OpensBodyAfterRole(string text, List<Token> tokens, int next) =>
        !p.IsEnglish && !p.NounsCapitalised && p.IsCommon(Word(text, tokens, next)) && !p.IsFirstName(WordSpan(text, tokens, next));

    /// <summary>A role at the start of a chunk: a listed person type, or a profession in "-ist" ("Physicist").</summary>
    private bool IsRoleWord(string text, List<Token> tokens, int s, int e, out int length)
    {
        if (p.PersonTypes.TryMatch(text, tokens, s, e, out length, out _)) return true;
        length = 1;
        var word = WordSpan(text, tokens, s);
        return word.Length > 6 && word.EndsWith("ist", StringComparison.Ordinal) && tokens[s].Capitalised;
    }

    /// <summary>"Kyiv School of Economics", "Centre for Strategic Studies": an organisation word before "of"/"for".</summary>
    private bool HasOrganizationHead(string text, List<Token> tokens, int s, int e)
    {
        for (int i = s + 1; i + 1 < e; i++)
            if ((p.OrganizationLinks.Contains(WordSpan(text, tokens, i)) || p.ForWords.Contains(WordSpan(text, tokens, i))) && p.OrganizationWords.Contains(WordSpan(text, tokens, i - 1))) return true;
        return false;
    }

    /// <summary>Whether tokens [s, e) are one listed place that is no building or venue ("Valle d'Aosta", not "Arena di Verona").</summary>
    private bool IsListedArea(string text, List<Token> tokens, int s, int e) =>
        names.TryMatch(text, tokens, s, e, out int length, out var place) && length == e - s && place.Category == EntityCategories.Location && place.Subcategory != "Structural";

    /// <summary>
    /// An institution's head and a name of its own (a saint's or another place word's, a first name, a number, a linked
    /// word that is no ordinary one, as "del Prado" in Italian, or the whole listed as an organisation), then a link and a
    /// listed place to the run's end: the link's index and the place.
    /// </summary>
    private (int Link, PhraseEntry Place)? PlaceAfterOwnName(string text, List<Token> tokens, int s, int e)
    {
        if (e - s < 4 || !p.OrganizationHeads.Contains(WordSpan(text, tokens, s))) return null;
        for (int link = e - 2; link > s + 1; link--)
        {
            if (!p.Connectors.Contains(WordSpan(text, tokens, link))) continue;
            if (!names.TryMatch(text, tokens, link + 1, e, out int length, out var place) || length != e - link - 1 || place.Category != EntityCategories.Location) return null;
            // "Regione Valle d'Aosta": the word before the link opens the listed place, which is the region the body serves
            // ("Fondazione Arena di Verona" is named after a building).
            if (IsListedArea(text, tokens, link - 1, e)) return null;
            string second = Word(text, tokens, s + 1);
            bool ownName = tokens[s + 1].Kind == TokenKind.Number || p.PlacePrefixes.Contains(second) || p.IsFirstName(second)
                // "Teatro Bellini di Catania", "Fondation Tinguely de Bâle": one capitalised word the dictionary does not
                // list ("Teatro Regio di Parma" is the city's).
                || link == s + 2 && tokens[s + 1].Capitalised && !p.IsCommon(second) && !IsServedArea(text, tokens, link + 1, e, place)
                // The bare preposition introduces a field ("Instituto de Astrofísica"), the article with it a name ("del Prado").
                || p.Connectors.Contains(second) && second is not ("de" or "di" or "d'") && tokens[s + 2].Capitalised && !p.IsCommon(Word(text, tokens, s + 2))
                // A listed body before a region or a country it serves is its branch there ("Ministério Público do Pará").
                || !p.BodiesKeepTheirPlace && names.TryMatch(text, tokens, s, link, out int listed, out var organization) && listed == link - s
                    && organization.Category == EntityCategories.Organization && !IsServedArea(text, tokens, link + 1, e, place)
                // "Istituto italiano di tecnologia di Genova": a name written in lower case after its head, with a field of
                // its own before the city (not a sea, a range, a region or a country it serves: "Comité régional de la
                // conchyliculture de Méditerranée", "Chambre régionale des comptes d'Occitanie").
                || !p.BodiesKeepTheirPlace && !tokens[s + 1].Capitalised && !p.Connectors.Contains(second) && place.Subcategory != "Geographical" && !IsServedArea(text, tokens, link + 1, e, place) && HasAnyOf(p.Connectors, text, tokens, s + 2, link - 1);
            return ownName ? (link, place) : null;
        }
        return null;
    }

    /// <summary>A country or a first-level region (not a province named as its city is, "Genova").</summary>
    private bool IsServedArea(string text, List<Token> tokens, int s, int e, PhraseEntry place) =>
        place.Source.EndsWith("-country", StringComparison.Ordinal) || data.RegionNames.Contains(text.AsSpan(tokens[s].Start, tokens[e - 1].End - tokens[s].Start));

    /// <summary>
    /// Where a venue's name ends: at its last word when that is the word for an arena or a stadium, or before a link and
    /// the city it stands in. Null when the run is not one, or when an institution opens it ("Fondazione Arena di Verona").
    /// </summary>
    private int? VenueEnd(string text, List<Token> tokens, int s, int e)
    {
        if (e - s < 2 || p.OrganizationPrefixes.Contains(WordSpan(text, tokens, s)) || p.OrganizationWords.Contains(WordSpan(text, tokens, s))) return null;
        for (int v = s + 1; v < e; v++)
        {
            if (!tokens[v].Capitalised) return null;
            if (!p.VenueWords.Contains(WordSpan(text, tokens, v))) continue;
            if (v == e - 1) return e;
            return IsCityAfter(text, tokens, v + 1, e) ? v + 1 : null;
        }
        return null;
    }

    /// <summary>
    /// The first link from <paramref name="from"/> on with nothing but a listed place after it to <paramref name="e"/>;
    /// <paramref name="e"/> when there is none. <paramref name="bareLinkOnly"/> passes over a link with an article in it
    /// ("del Sol").
    /// </summary>
    private int CityLink(string text, List<Token> tokens, int from, int e, bool bareLinkOnly = false)
    {
        for (int k = from; k < e - 1; k++)
            if ((!bareLinkOnly || !p.ImpersonalArticles.Contains(WordSpan(text, tokens, k))) && IsCityAfter(text, tokens, k, e)) return k;
        return e;
    }

    /// <summary>A name that ends before the city it stands in, then the city (the rest of the run up to <paramref name="e"/>, after the link) classified on its own.</summary>
    private void AddBeforeCity(string text, List<Token> tokens, Candidate name, int e, bool[] sentenceStart, DocumentContext context, List<Candidate> output)
    {
        output.Add(name);
        if (name.End < e) Classify(text, tokens, new Chunk(name.End + 1, e), sentenceStart, context, output);
    }

    /// <summary>Whether the run from <paramref name="link"/> to <paramref name="e"/> is a link and a listed place ("di Nuoro", "de Valencia").</summary>
    private bool IsCityAfter(string text, List<Token> tokens, int link, int e) =>
        link + 1 < e && p.Connectors.Contains(WordSpan(text, tokens, link))
        && names.TryMatch(text, tokens, link + 1, e, out int length, out var place) && length == e - link - 1 && place.Category == EntityCategories.Location;

    /// <summary>
    /// An institution's kind (an organisation word, or a compound ending in one) followed by nothing but a listed place,
    /// or by a hyphenated name that starts with one.
    /// </summary>
    private bool IsInstitutionOfPlace(string text, List<Token> tokens, int s, int e)
    {
        // "Staatlichen Kunstsammlungen Dresden": the institution's adjectives come before its head.
        int head = AfterAdjectives(text, tokens, s, e - 2);
        string first = Word(text, tokens, head);
        // ("Krankenhaus Sterzing": in German a body's word alone serves the place after it too.)
        if (!p.OrganizationWords.Contains(first) && !p.OrganizationPrefixes.Contains(first) && !p.EndsInOrganizationWord(first) && !IsShortBodyName(text, tokens, head)
            && !(p.NounsCapitalised && p.IsOrganizationEnding(first))) return false;
        int k = head + 1;
        while (k + 1 < e && (p.Connectors.Contains(WordSpan(text, tokens, k)) || p.Articles.Contains(WordSpan(text, tokens, k)))) k++;
        return names.TryMatch(text, tokens, k, e, out int length, out var place) && length == e - k && place.Category == EntityCategories.Location
            || e - k == 1 && (p.StartsWithPlace(WordSpan(text, tokens, k)) || p.EndsWithPlace(WordSpan(text, tokens, k)) || p.IsDirectionalPlace(WordSpan(text, tokens, k))
                || p.NounsCapitalised && k == head + 1 && p.LoneNameFollows(text, tokens, k));
    }

    /// <summary>
    /// Where a club's name starts, when it is a club's form ("FC", "HC") first or last and a listed town (or a hyphenated name
    /// opening with one) for the rest, after a sentence's capitalised article if any.
    /// </summary>
    private int? ClubOfPlaceStart(string text, List<Token> tokens, int s, int e)
    {
        if (p.ClubForms.Count == 0) return null;
        if (e - s == 3 && p.Articles.Contains(WordSpan(text, tokens, s))) s++;
        if (e - s != 2) return null;
        int form = p.ClubForms.Contains(WordSpan(text, tokens, s)) && tokens[s].AllCaps ? s
            : p.ClubForms.Contains(WordSpan(text, tokens, e - 1)) && tokens[e - 1].AllCaps ? e - 1 : -1;
        if (form < 0) return null;
        int town = form == s ? e - 1 : s;
        return IsListedPlace(text, tokens, town, town + 1) || p.StartsWithPlace(WordSpan(text, tokens, town)) ? s : null;
    }

    /// <summary>
    /// "en Talcahuano y Hualpén", "in Melle und Spenge", "i residenti di Umago, Buie e Cittanova": a name in a list, after
    /// a preposition of place or "of" ("di", "de"), that holds a listed place and no other kind of name, is one more place.
    /// </summary>
    private bool CoordinatedWithPlace(string text, List<Token> tokens, int s)
    {
        bool place = false;
        int first = s;
        while (first >= 2 && IsListSeparator(text, tokens, first - 1) && tokens[first - 2].Kind == TokenKind.Word && tokens[first - 2].Capitalised)
        {
            int start = first - 2;
            while (start > 0 && tokens[start - 1].Kind == TokenKind.Word && tokens[start - 1].Capitalised) start--;
            if (!IsPlaceListMember(text, tokens, start, first - 1, ref place)) return false;
            first = start;
        }
        if (first == 0 || !p.PlacePrepositions.Contains(WordSpan(text, tokens, first - 1)) && !p.Connectors.Contains(WordSpan(text, tokens, first - 1))) return false;
        for (int next = s + 1; next + 1 < tokens.Count && IsListSeparator(text, tokens, next) && tokens[next + 1].Kind == TokenKind.Word && tokens[next + 1].Capitalised;)
        {
            int end = next + 1;
            while (end < tokens.Count && tokens[end].Kind == TokenKind.Word && tokens[end].Capitalised) end++;
            if (!IsPlaceListMember(text, tokens, next + 1, end, ref place)) return false;
            next = end;
        }
        return place;
    }

    private bool IsListSeparator(string text, List<Token> tokens, int i) => WordSpan(text, tokens, i) is "," || tokens[i].Kind == TokenKind.Word && p.And.Contains(WordSpan(text, tokens, i));

    /// <summary>Whether a list's member leaves it a list of places: no first name and no listed name of another kind; notes a listed place.</summary>
    private bool IsPlaceListMember(string text, List<Token> tokens, int s, int e, ref bool place)
    {
        if (p.IsFirstName(WordSpan(text, tokens, s))) return false;
        if (!names.TryMatch(text, tokens, s, e, out int length, out var entry)) return true;
        place |= length == e - s && entry.Category == EntityCategories.Location;
        return entry.Category == EntityCategories.Location;
    }

    /// <summary>
    /// "l'Asp di Trapani", "il Tar del Lazio", "la DDTM du Finistère": where common nouns are written in lower case, a short
    /// unknown name in title case, or an unknown acronym, is a body's short form, and the place after it the area it serves.
    /// </summary>
    private bool IsShortBodyName(string text, List<Token> tokens, int i)
    {
        if (p.IsEnglish || p.NounsCapitalised || tokens[i].Length < 2 || tokens[i].Length > (tokens[i].AllCaps ? 6 : 4) || !tokens[i].Capitalised || i + 2 >= tokens.Count) return false;
        var word = WordSpan(text, tokens, i);
        if (tokens[i].AllCaps)
        {
            // An acronym before Italian "di" and a city is a body of its own seated there ("SISSA di Trieste"); before a
            // region with its article it is the region's branch ("TAR del Molise", "ASST della Valcamonica").
            if (WordSpan(text, tokens, i + 1) is "di") return false;
        }
        else
        {
            foreach (char c in word[1..])
                if (!char.IsLower(c)) return false;
        }
        return p.Connectors.Contains(WordSpan(text, tokens, i + 1)) && !p.IsCommon(word) && !p.IsFirstName(word) && !names.TryMatch(text, tokens, i, i + 1, out _, out _);
    }

    /// <summary>"St." opening a name of two or more tokens, outside English (whose gazetteer holds its saints' places).</summary>
    private bool IsSaintAbbreviation(string text, List<Token> tokens, int s, int e) =>
        !p.IsEnglish && e - s >= 3 && WordSpan(text, tokens, s) is "St" && text[tokens[s + 1].Start] == '.';

    /// <summary>
    /// "sporthal De Eendracht", "gemaal De Waterwolf", "openluchtvoorstelling De Storm": an ordinary noun before a name
    /// says what the name is, which is no body unless the noun is a kind of body ("le quotidien Le Devoir").
    /// </summary>
    private bool AfterOrdinaryNoun(string text, List<Token> tokens, int s)
    {
        if (s < 1 || tokens[s - 1].Kind != TokenKind.Word || tokens[s - 1].Capitalised) return false;
        var word = WordSpan(text, tokens, s - 1);
        return p.IsCommon(word) && !IsFunctionWord(word) && !p.Articles.Contains(word) && !p.OrganizationWords.Contains(word)
            && !p.OrganizationHeads.Contains(word) && !p.OrganizationKinds.Contains(word) && !p.IsOrganizationDescriptor(word) && !p.MayBeVerbForm(word);
    }

    /// <summary>Whether the word for a work stands before token <paramref name="s"/>, or before an adjective there ("le film brésilien").</summary>
    private bool AfterWorkWord(string text, List<Token> tokens, int s) =>
        s > 0 && tokens[s - 1].Kind == TokenKind.Word && p.WorkWords.Contains(WordSpan(text, tokens, s - 1))
        || s > 1 && tokens[s - 1].Kind == TokenKind.Word && !tokens[s - 1].Capitalised && tokens[s - 2].Kind == TokenKind.Word && p.WorkWords.Contains(WordSpan(text, tokens, s - 2));

    /// <summary>
    /// Where works are titled in sentence case, whether an ordinary lower-case word follows at <paramref name="e"/>, through a
    /// link ("des pierres"): no function word or verb.
    /// </summary>
    private bool GoesOnInLowerCase(string text, List<Token> tokens, int e)
    {
        if (!p.SentenceCaseWorks) return false;
        if (e + 1 < tokens.Count && p.Connectors.Contains(WordSpan(text, tokens, e)) && !tokens[e].Capitalised) e++;
        if (e >= tokens.Count || tokens[e].Kind != TokenKind.Word || tokens[e].Capitalised || !tokens[e].SpaceBefore) return false;
        string word = Word(text, tokens, e);
        return stopWords?.Contains(word) != true && !p.IsInflectedVerb(word) && !p.Connectors.Contains(WordSpan(text, tokens, e));
    }

    /// <summary>
    /// "Jessa Ziekenhuis", "Marcel Minnaert Instituut": where common nouns are written in lower case, a name that opens with
    /// a first name and ends in an institution's word is a body named after a person.
    /// </summary>
    private bool EndsInBodyWord(string text, List<Token> tokens, int e)
    {
        if (p.IsEnglish || p.NounsCapitalised) return false;
        string last = Word(text, tokens, e - 1);
        return p.OrganizationWords.Contains(last) || IsInstitutionHead(last);
    }

    /// <summary>
    /// Where a run that does not itself start as an organisation links ("da", "della", "de la") to one that does (an
    /// institution's head word: "Fundação", "Universidad"), or, after a first name, to a name ending in an organisation
    /// word ("Columbia University"): the link and the organisation's first token. A listed name is never split.
    /// </summary>
    private (int Link, int Organization)? OrganizationAfterLink(string text, List<Token> tokens, int s, int e)
    {
        var first = WordSpan(text, tokens, s);
        if (p.OrganizationHeads.Contains(first) || p.OrganizationPrefixes.Contains(first) || p.OrganizationWords.Contains(first)
            || names.TryMatch(text, tokens, s, e, out int listed, out _) && listed == e - s)
            return null;
        for (int k = s + 1; k + 1 < e; k++)
        {
            if (!p.Connectors.Contains(WordSpan(text, tokens, k))) continue;
            int after = k + 1;
            while (after < e && (p.Connectors.Contains(WordSpan(text, tokens, after)) || p.Articles.Contains(WordSpan(text, tokens, after)))) after++;
            if (after >= e || !tokens[after].Capitalised) return null;
            bool head = p.OrganizationHeads.Contains(WordSpan(text, tokens, after));
            bool worksAt = p.IsFirstName(first) && e - after >= 2 && p.OrganizationWords.Contains(WordSpan(text, tokens, e - 1));
            return head || worksAt ? (k, after) : null;
        }
        return null;
    }

    /// <summary>
    /// Where a run that opens with a first name and a surname goes on with an affiliation particle (Dutch "van", German
    /// "von", "vom") before a capitalised word: the particle's token. A particle right after the first name, or after a
    /// second first name, starts the surname ("Vincent van Gogh", "Jan Peter van Dijk"). The run must open with a first
    /// name ("Provinciale Staten van Limburg" is a body), unless a title has said it is a person's.
    /// </summary>
    private int? PersonBeforeAffiliation(string text, List<Token> tokens, int s, int e, bool person)
    {
        if (p.AffiliationLinks.Count == 0) return null;
        for (int k = s + 2; k + 1 < e; k++)
        {
            if (!p.AffiliationLinks.Contains(WordSpan(text, tokens, k))) continue;
            // "von der ÖVP": an article may stand between the particle and the name.
            int named = k + 1;
            while (named + 1 < e && !tokens[named].Capitalised && IsArticle(Word(text, tokens, named))) named++;
            return IsNameWord(tokens[k - 1]) && tokens[named].Capitalised && (person || p.IsFirstName(WordSpan(text, tokens, s))) && !p.IsFirstName(WordSpan(text, tokens, k - 1)) ? k : null;
        }
        return null;
    }

    /// <summary>Words around tokens [s, e) that say an organisation is named there.</summary>
    private bool OrganizationContext(string text, List<Token> tokens, int s, int e)
    {
        ReadOnlySpan<char> before = s > 0 ? WordSpan(text, tokens, s - 1) : "", before2 = s > 1 ? WordSpan(text, tokens, s - 2) : "";
        if (p.IsOrganizationDescriptor(before) && before is not "rival" || before is "rival" && !p.IsFirstName(WordSpan(text, tokens, s))) return true;
        // "l'associazione ambientalista Legambiente", "la asociación ecologista Gurelur": an adjective between descriptor and name.
        if (!p.IsEnglish && !p.NounsCapitalised && s > 1 && !tokens[s - 1].Capitalised && tokens[s - 1].Kind == TokenKind.Word && stopWords?.Contains(before) != true
            && p.IsOrganizationDescriptor(before2) && !p.IsFirstName(WordSpan(text, tokens, s))) return true;
        if (before is "at" or "from" && p.Staff.Contains(before2.ToString().ToLowerInvariant())) return true;
        if (p.ForWords.Contains(before) && p.PlaysFor.Contains(before2.ToString().ToLowerInvariant())) return true;
        if (e < tokens.Count && tokens[e].Kind == TokenKind.Word && !tokens[e].Capitalised)
        {
            var after = WordSpan(text, tokens, e);
            if (p.OrganizationNouns.Contains(after)) return true;
            if (p.OrganizationRoles.Contains(after) && e + 1 < tokens.Count && IsNameWord(tokens[e + 1])) return true;
        }
        if (e + 1 < tokens.Count && WordSpan(text, tokens, e) is "," && WordSpan(text, tokens, e + 1) is "which") return true;
        return false;
    }

    private bool AllPlaces(string text, List<Token> tokens, int s, int e)
    {
        for (int i = s; i < e;)
        {
            if (!names.TryMatch(text, tokens, i, e, out int len, out var entry) || entry.Category != EntityCategories.Location) return false;
            i += len;
        }
        return true;
    }

    private bool AnyCommon(string text, List<Token> tokens, int s, int e)
    {
        for (int i = s; i < e; i++)
            if (p.IsCommon(Word(text, tokens, i)) && !p.IsFirstName(WordSpan(text, tokens, i))) return true;
        return false;
    }

    private bool AllCommon(string text, List<Token> tokens, int s, int e)
    {
        for (int i = s; i < e; i++)
            if (!p.IsCommon(Word(text, tokens, i)) || names.TryMatch(text, tokens, i, i + 1, out _, out _)) return false;
        return true;
    }

    private bool AllCapitalisedCommon(string text, List<Token> tokens, int s, int e)
    {
        for (int i = s; i < e; i++)
        {
            var w = Word(text, tokens, i);
            if (!tokens[i].Capitalised || tokens[i].AllCaps || !p.IsCommon(w) || p.Demonyms.Contains(w)
                || p.TryTitle(text, tokens, i, e, out _) || p.Articles.Contains(w)) return false;
        }
        return true;
    }

    /// <summary>
    /// Capitalised words that are no name the gazetteers, first names or titles know and no model number ("Airbus
    /// A350"), none starting a sentence.
    /// </summary>
    private bool OrdinaryNameWords(string text, List<Token> tokens, int s, int e, bool[] sentenceStart)
    {
        for (int i = s; i < e; i++)
        {
            var w = Word(text, tokens, i);
            if (tokens[i].Kind != TokenKind.Word || !tokens[i].Capitalised || tokens[i].AllCaps || sentenceStart[i] || w.AsSpan().ContainsAnyInRange('0', '9')
                || p.IsFirstName(w) || p.Demonyms.Contains(w)
                || p.Articles.Contains(w) || p.TryTitle(text, tokens, i, e, out _) || names.TryMatch(text, tokens, i, e, out _, out _)) return false;
        }
        return true;
    }

    private bool HasName(string text, List<Token> tokens, int s, int e)
    {
        for (int i = s; i < e; i++)
            if (names.TryMatch(text, tokens, i, e, out _, out _)) return true;
        return false;
    }

    /// <summary>An inner capital after a lower-case letter ("SoftBank", "AeroSystems"), not a name prefix ("McDonald", "DiCaprio").</summary>
    private static bool HasCamelCase(string text, List<Token> tokens, int s, int e)
    {
        for (int i = s; i < e; i++)
        {
            var w = WordSpan(text, tokens, i);
            for (int k = char.IsLower(w[0]) ? 1 : 2; k < w.Length; k++)
            {
                if (!char.IsUpper(w[k]) || !char.IsLower(w[k - 1])) continue;
                var prefix = w[..k];
                if (prefix is "Mc" or "Mac" or "Di" or "De" or "Le" or "La" or "Du" or "Da" or "Van" or "Von" or "Fitz" or "St" or "Del" or "Al") break;
                if (prefix.IndexOfAny('-', '\'', '\u2019') >= 0) break;
                return true;
            }
        }
        return false;
    }

    /// <summary>"Reuters and Ipsos", "Eisai and Biogen": a name joined by "and"/"or" to an organisation found in the first pass.</summary>
    private bool IsCoordinatedWithOrganization(string text, List<Token> tokens, int s, int e, DocumentContext context) =>
        s >= 2 && IsAndOr(WordSpan(text, tokens, s - 1)) && context.OrganizationEndsAt(s - 1)
        || e + 1 < tokens.Count && IsAndOr(WordSpan(text, tokens, e)) && context.OrganizationStartsAt(e + 1);

    /// <summary>Whether tokens [s, e) hold a country, a curated place or any organisation, which no surname overrides.</summary>
    private bool HasStrongPlace(string text, List<Token> tokens, int s, int e)
    {
        for (int i = s; i < e; i++)
            if (names.TryMatch(text, tokens, i, e, out _, out var entry) && (entry.Weight >= 0.9 || entry.Category != EntityCategories.Location)) return true;
        return false;
    }

    /// <summary>Gazetteer matches inside a chunk; what lies between them is classified as a name run.</summary>
    private void SplitByGazetteer(string text, List<Token> tokens, int s, int e,
        (bool PersonContext, DocumentContext Context, bool[] SentenceStart)? evidence, List<Candidate> output, bool namesOnly)
    {
        int runStart = s;
        for (int k = s; k < e;)
        {
            if (names.TryMatch(text, tokens, k, e, out int len, out var entry)
                && (namesOnly || !IsTownInPersonName(text, tokens, k, len, runStart, e, entry) && !IsPlaceAfterTitledFirstName(text, tokens, k, len, runStart, entry, evidence!.Value.PersonContext)))
            {
                if (!namesOnly && IsTitledFirstName(text, tokens, k, len, s, e, entry))
                {
                    int end = k + 1;
                    while (end < e && IsNameWord(tokens[end])) end++;
                    output.Add(new Candidate(k, end, EntityCategories.Person, null, 0.9, "person-after-title"));
                    k = runStart = end;
                    continue;
                }
                if (!namesOnly && k > runStart && entry.Category == EntityCategories.Organization
                    && (AllCapitalisedCommon(text, tokens, runStart, k) || !p.IsEnglish && IsFederationPrefix(text, tokens, runStart, k, len, evidence?.SentenceStart[runStart] != false)))
                {
                    // "Social Democrats", "Free Democrats": capitalised ordinary words before an organisation are its name.
                    output.Add(new Candidate(runStart, k + len, EntityCategories.Organization, entry.Subcategory, entry.Weight, "org-extended"));
                    k += len;
                    runStart = k;
                    continue;
                }
                if (!namesOnly && k + len == e && IsBodyOfPlace(text, tokens, runStart, k, entry, evidence!.Value.SentenceStart[runStart]))
                {
                    // "Virtus Verona", "Kreissparkasse Ostalb": a body's name, then the place it serves.
                    output.Add(new Candidate(runStart, e, EntityCategories.Organization, null, 0.6, "org-of-place"));
                    k = runStart = e;
                    continue;
                }
                if (!namesOnly && k > runStart) ClassifyRun(text, tokens, runStart, k, evidence!.Value, runStart == s, output);
                if (!namesOnly && !p.IsEnglish && entry.Category == EntityCategories.Organization && k + len < e && IsNameWord(tokens[k + len]) && IsNameWord(tokens[e - 1])
                    && (ListedPlaceLength(text, tokens, k + len) == e - k - len
                        || k + len + 2 >= e && ListedPlaceLength(text, tokens, e - 1) == 1 && !p.IsFirstName(WordSpan(text, tokens, k + len))))
                {
                    // "Coldiretti Sardegna", "Rabobank Centraal Twente", "Caritas Alto Adige": a listed body's branch named by the area it serves.
                    output.Add(new Candidate(k, e, EntityCategories.Organization, entry.Subcategory, 0.6, "org-of-place"));
                    k = runStart = e;
                    continue;
                }
                if (!namesOnly && !p.IsEnglish && !p.NounsCapitalised && entry.Category == EntityCategories.Organization && len >= 2 && AllCapitalisedCommon(text, tokens, k, k + len)
                    && k + len + 1 < e && p.Connectors.Contains(WordSpan(text, tokens, k + len)) && ListedPlaceLength(text, tokens, k + len + 1) == e - k - len - 1)
                {
                    // "Defesa Civil do Amazonas", "Polícia Militar do Ceará": a body named by ordinary words is named with the
                    // area it serves, where one with a name of its own stands apart from it ("Cgil di Como").
                    output.Add(new Candidate(k, e, EntityCategories.Organization, entry.Subcategory, 0.6, "org-of-place"));
                    k = runStart = e;
                    continue;
                }
                if (!namesOnly && !p.IsEnglish && entry.Category == EntityCategories.Organization && k + len < e && OrdinaryNameWords(text, tokens, k + len, e, evidence!.Value.SentenceStart))
                {
                    // "Sony Music", "The Lancet Neurology": capitalised words no list names after an organisation are its division's name.
                    output.Add(new Candidate(k, e, EntityCategories.Organization, entry.Subcategory, entry.Weight, "org-extended"));
                    k = runStart = e;
                    continue;
                }
                // "Google DeepMind": two organisations side by side in one capitalised run are one name.
                if (entry.Category == EntityCategories.Organization && output.Count > 0 && output[^1] is { } previous && previous.End == k && previous.Start >= s
                    && (previous.Category == EntityCategories.Organization || previous.Category == EntityCategories.Location && entry.Subcategory == "Sports"))
                    output[^1] = previous with { End = k + len, Category = EntityCategories.Organization, Subcategory = entry.Subcategory, Rule = "org-merged" };
                else
                    output.Add(new Candidate(k, k + len, entry.Category, entry.Subcategory, entry.Weight, "gaz-" + entry.Source));
                k += len;
                runStart = k;
            }
            else if (IsOfOrFor(WordSpan(text, tokens, k)))
            {
                // "Putin of Russia": "of" separates two names unless a gazetteer entry spans it.
                if (!namesOnly && k > runStart) ClassifyRun(text, tokens, runStart, k, evidence!.Value, runStart == s, output);
                runStart = ++k;
            }
            else k++;
        }
        if (!namesOnly && e > runStart) ClassifyRun(text, tokens, runStart, e, evidence!.Value, runStart == s, output);
    }

    /// <summary>
    /// Whether the place <paramref name="place"/> at <paramref name="k"/> closes a body's name: one word before it that is an
    /// institution's head (in German also a generic one, "Krankenhaus") or a word no list knows; never a first name, a
    /// place, an event's head, a title or a demonym. (A listed body before a place is the gazetteer split's own case.)
    /// </summary>
    private bool IsBodyOfPlace(string text, List<Token> tokens, int runStart, int k, PhraseEntry place, bool sentenceStart)
    {
        if (p.IsEnglish || place.Category != EntityCategories.Location || tokens[runStart].AllCaps) return false;
        var word = WordSpan(text, tokens, runStart);
        // "Freiwillige Feuerwehr Liezen": a German name with its adjective.
        if (k - runStart == 2) return p.OpensBodyName(word, WordSpan(text, tokens, runStart + 1));
        if (k - runStart != 1) return false;
        if (NamesNoBody(text, tokens, runStart, k)) return false;
        string head = Word(text, tokens, runStart);
        return (IsInstitutionHead(head) || p.IsOrganizationEnding(word)) && (!p.GenericHeads.Contains(head) || p.NounsCapitalised) || !p.IsCommon(word)
            || !sentenceStart && p.IsNameByCapital(word);
    }

    /// <summary>
    /// Whether a run names the body of the place closing it (with its article, if any): one or two capitalised ordinary
    /// words inside a sentence, where nouns are written in lower case, that are no place's word, kind or quarter, no
    /// title, role, event or first name, then "of"; not a run the gazetteer lists whole.
    /// </summary>
    private bool NamesBodyOfLinkedPlace(string text, List<Token> tokens, int runStart, int e, bool[] sentenceStart)
    {
        if (p.IsEnglish || p.NounsCapitalised || e - runStart < 3 || sentenceStart[runStart]) return false;
        int link = runStart + 1;
        if (!p.Connectors.Contains(WordSpan(text, tokens, link))) link++;
        return link < e - 1 && p.Connectors.Contains(WordSpan(text, tokens, link)) && IsBodyBeforeLinkedPlace(text, tokens, runStart, link, e)
            && !(names.TryMatch(text, tokens, runStart, e, out int listed, out _) && listed == e - runStart);
    }

    /// <summary>
    /// Whether the word at <paramref name="i"/> is one that opens no body's name before a place: a first name, a demonym,
    /// a place's or an event's word, an article, or a title or role (which may run up to <paramref name="end"/>).
    /// </summary>
    private bool NamesNoBody(string text, List<Token> tokens, int i, int end)
    {
        var word = WordSpan(text, tokens, i);
        return p.IsFirstName(word) || p.Demonyms.Contains(word) || p.PlacePrefixes.Contains(word) || p.EventHeads.Contains(word) || p.Articles.Contains(word)
            || p.TryTitle(text, tokens, i, end, out _) || p.PersonTypes.TryMatch(text, tokens, i, end, out _, out _);
    }

    private bool IsBodyBeforeLinkedPlace(string text, List<Token> tokens, int runStart, int link, int e)
    {
        for (int i = runStart; i < link; i++)
        {
            var word = WordSpan(text, tokens, i);
            if (tokens[i].Kind != TokenKind.Word || !tokens[i].Capitalised || tokens[i].AllCaps || !p.IsCommon(word) || p.PlaceQualifiers.Contains(word)
                || p.PlaceKinds.Contains(word) || NamesNoBody(text, tokens, i, link))
                return false;
        }
        int place = link + 1;
        if (place < e && p.NounMarkers.Contains(WordSpan(text, tokens, place)) && !tokens[place].Capitalised) place++;
        return place < e && names.TryMatch(text, tokens, place, e, out int len, out var entry) && place + len == e && entry.Category == EntityCategories.Location;
    }

    /// <summary>
    /// A one-word place that belongs to a person's name, in languages that write common nouns in lower case: a place
    /// that is also a first name, before a capitalised word no list knows or a town's name ("della Cgil Maurizio Landini",
    /// "ministre Florence Parly"); or a town's name after a first name, which is a surname there ("Pedro García",
    /// "Álvaro García"). A country or a capital stays a place.
    /// </summary>
    private bool IsTownInPersonName(string text, List<Token> tokens, int k, int length, int runStart, int e, PhraseEntry entry)
    {
        if (p.IsEnglish || p.NounsCapitalised || entry.Category != EntityCategories.Location || length != 1) return false;
        // "Harry van der Maas", "Jan van den Bosch": after a first name and two particles a listed place is a surname.
        if (k - 3 >= runStart && p.NameParticles.Contains(WordSpan(text, tokens, k - 1)) && p.NameParticles.Contains(WordSpan(text, tokens, k - 2))
            && p.IsFirstName(WordSpan(text, tokens, k - 3)))
            return true;
        if (k + 1 < e && p.IsFirstName(WordSpan(text, tokens, k)) && IsSurname(text, tokens, k + 1, e))
            return true;
        return k > runStart && IsTown(entry, length) && p.IsFirstName(WordSpan(text, tokens, k - 1)) && !p.IsCommon(Word(text, tokens, k));
    }

    /// <summary>
    /// "Ministerpräsident Boris Rhein": after a title and a first name, a place's one-word name is the surname, also where
    /// nouns are capitalised; the title stands in the run or opened the chunk.
    /// </summary>
    private bool IsPlaceAfterTitledFirstName(string text, List<Token> tokens, int k, int length, int runStart, PhraseEntry entry, bool personContext) =>
        !p.IsEnglish && length == 1 && entry.Category == EntityCategories.Location && k > runStart && p.IsFirstName(WordSpan(text, tokens, k - 1))
        && (personContext && k - 1 == runStart || k - 2 >= runStart && p.TryTitle(text, tokens, k - 2, k - 1, out _));

    /// <summary>
    /// "Sachsens Ministerpräsident Michael Kretschmer": a first name that a gazetteer also lists as a region (a parish
    /// "Michael"), after a title and before a surname, opens the person's name.
    /// </summary>
    private bool IsTitledFirstName(string text, List<Token> tokens, int k, int length, int s, int e, PhraseEntry entry) =>
        !p.IsEnglish && length == 1 && entry.Category == EntityCategories.Location && k > s && k + 1 < e && IsNameWord(tokens[k + 1])
        && p.IsFirstName(WordSpan(text, tokens, k)) && p.TryTitle(text, tokens, k - 1, k, out _);

    /// <summary>
    /// "Confederación", "Fondazione", "Fédération" in another language's news: the head of a body abroad, which is no
    /// word of this language and no first name.
    /// </summary>
    private bool IsForeignHead(ReadOnlySpan<char> word) => IsForeignWord(p.ForeignOrganizationHeads, word);

    /// <summary>A word of another profile's list that is no word of this language and no first name.</summary>
    private bool IsForeignWord(WordSet words, ReadOnlySpan<char> word) => !p.IsEnglish && words.Contains(word) && !p.IsCommon(word) && !p.IsFirstName(word);

    private static bool IsTown(PhraseEntry entry, int length) => length == 1 && entry.Category == EntityCategories.Location && entry.Weight < 0.9;

    /// <summary>
    /// "Fim Cisl", "Flc Cgil", "Filcams Cgil": one short word no list knows before a union is its federation's name; a
    /// longer one only inside a sentence and before a confederation's short name ("Contrari Fratelli d'Italia" is no party).
    /// </summary>
    private bool IsFederationPrefix(string text, List<Token> tokens, int s, int e, int unionLength, bool sentenceStart)
    {
        if (e - s != 1 || tokens[s].Length > 8 || tokens[s].Length > 4 && (sentenceStart || unionLength != 1 || tokens[e].Length > 4 || !tokens[e].Capitalised)) return false;
        string word = Word(text, tokens, s);
        return !p.IsCommon(word) && !p.IsFirstName(word) && !names.TryMatch(text, tokens, s, e, out _, out _);
    }

    /// <summary>Whether a word is an article, in any case: the profile lists articles as they open a sentence ("A", "Os").</summary>
    private bool IsArticle(string word) => word.Length > 0 && p.Articles.Contains(Capitalised(word));

    private static string Capitalised(string word) => string.Concat(char.ToUpperInvariant(word[0]).ToString(), word.AsSpan(1));

    private void ClassifyRun(string text, List<Token> tokens, int s, int e,
        (bool PersonContext, DocumentContext Context, bool[] SentenceStart) evidence, bool atChunkStart, List<Candidate> output)
    {
        while (e > s && p.Connectors.Contains(WordSpan(text, tokens, e - 1))) e--;
        while (s < e && (p.Connectors.Contains(WordSpan(text, tokens, s)) || !p.IsEnglish && tokens[s].Kind != TokenKind.Word)) s++;
        if (s >= e) return;
        if (p.TryTitle(text, tokens, s, e, out int titleLength) && s + titleLength < e && !p.NameTitles.Contains(RunText(text, tokens, s, s + titleLength)))
        {
            // "Moscow Mayor Sergei Sobyanin": a title after a place still heads the name that follows.
            if (!p.Honorifics.Contains(RunText(text, tokens, s, s + titleLength)))
                output.Add(new Candidate(s, s + titleLength, EntityCategories.PersonType, null, 0.9, "title"));
            ClassifyRun(text, tokens, s + titleLength, e, evidence with { PersonContext = true }, true, output);
            return;
        }
        int length = e - s;
        string first = Word(text, tokens, s), last = Word(text, tokens, e - 1);
        var context = evidence.Context;

        if (length == 1 && context.TryGetAcronym(first, out var acronym))
        {
            output.Add(new Candidate(s, e, acronym.Category, acronym.Subcategory, 0.85, "acronym-defined"));
            return;
        }
        if (evidence.PersonContext && atChunkStart)
        {
            output.Add(new Candidate(s, e, EntityCategories.Person, null, 0.9, "person-after-title"));
            return;
        }
        if (length >= 2 && IsForeignWord(p.ForeignPlacePrefixes, first))
        {
            // "Sankt Moritz" in Dutch, "Mont Crosin" in German: a place abroad keeps its own language's word for its kind.
            output.Add(new Candidate(s, e, EntityCategories.Location, "Structural", 0.7, "place-foreign-form"));
            return;
        }
        if (length >= 2 && IsForeignHead(first))
        {
            // "la Confederación Hidrográfica del Segura", "de Fédération Wallonne de l'Agriculture": a body abroad keeps
            // its own language's head.
            output.Add(new Candidate(s, e, EntityCategories.Organization, null, 0.75, "org-foreign-head"));
            return;
        }
        if (context.IsPerson(RunText(text, tokens, s, e)) && !(length == 1 && IsListedPlaceAfterPreposition(text, tokens, s)))
        {
            output.Add(new Candidate(s, e, EntityCategories.Person, null, 0.85, "person-known-in-document"));
            return;
        }
        // Not in German, where such a head alone ("die Staatsanwaltschaft", "Stadtwerke") is the kind of body, capitalised as every noun is.
        if (length == 1 && !p.IsEnglish && !p.NounsCapitalised && !p.GenericHeads.Contains(first) && (p.OrganizationHeads.Contains(first) || p.OrganizationWords.Contains(first) && !data.OrganizationWords.Contains(first)))
        {
            // "Sénat", "Bundesrat", "Senato": an institution named by its head alone.
            output.Add(new Candidate(s, e, EntityCategories.Organization, null, 0.7, "org-head"));
            return;
        }
        if (length >= 2 && !evidence.SentenceStart[s] && p.OpensBodyName(first, WordSpan(text, tokens, s + 1)))
        {
            // "die Freiwillige Feuerwehr", "der Rhätischen Bahn": a German adjective capitalised inside a sentence opens a name.
            output.Add(new Candidate(s, e, EntityCategories.Organization, null, 0.65, "org-adjective-name"));
            return;
        }
        if (length == 1 && p.IsPlaceOrganizationCompound(first))
        {
            output.Add(new Candidate(s, e, EntityCategories.Organization, null, 0.65, "org-place-compound"));
            return;
        }
        if (length == 1 && context.IsAlias(first))
        {
            output.Add(new Candidate(s, e, EntityCategories.Organization, null, 0.8, "org-alias"));
            return;
        }
        if (length == 1 && p.IsBodyOfPlaceCompound(first))
        {
            output.Add(new Candidate(s, e, EntityCategories.Organization, null, 0.65, "org-of-place-compound"));
            return;
        }
        if (length == 1 && p.IsCompoundPlaceName(first))
        {
            output.Add(new Candidate(s, e, EntityCategories.Location, "GPE", 0.6, "place-compound"));
            return;
        }
        bool afterPlacePreposition = s > 0 && p.PlacePrepositions.Contains(WordSpan(text, tokens, s - 1));
        bool camelCase = HasCamelCase(text, tokens, s, e);
        bool allCommon = !camelCase;
        for (int i = s; i < e; i++) allCommon &= p.IsCommon(Word(text, tokens, i)) && !(tokens[i].AllCaps && tokens[i].Length <= 5 && !p.IsEnglish) || tokens[i].Kind != TokenKind.Word;
        bool firstName = p.IsFirstName(first) && !(evidence.SentenceStart[s] && p.IsCommon(first));
        if (p.OpensPlaceName(first, length))
        {
            // "Valle Camonica chiede": the place's name, whatever follows it.
            output.Add(new Candidate(s, e, EntityCategories.Location, null, 0.75, "place-form"));
            return;
        }
        if (length <= 4 && !allCommon && (OrganizationContext(text, tokens, s, e) || camelCase
            || !firstName && IsCoordinatedWithOrganization(text, tokens, s, e, context)
            || length == 1 && data.CompanyWords.Contains(first) && !afterPlacePreposition))
        {
            // "investors at SoftBank", "IndiGo", "Reuters and Ipsos", "Biogen".
            output.Add(new Candidate(s, e, EntityCategories.Organization, null, 0.65, "org-evidence"));
            return;
        }
        bool speech = e < tokens.Count && p.SpeechVerbs.Contains(WordSpan(text, tokens, e))
            || e + 1 < tokens.Count && WordSpan(text, tokens, e) is "," && p.SpeechVerbs.Contains(WordSpan(text, tokens, e + 1))
            || s >= 2 && WordSpan(text, tokens, s - 1) is "said" or "says" or "told" && WordSpan(text, tokens, s - 2) is ","
            || s >= 1 && p.AccordingTo.Contains(WordSpan(text, tokens, s - 1));

        if (firstName && length >= 2 && length <= 4 && EndsInBodyWord(text, tokens, e))
        {
            output.Add(new Candidate(s, e, EntityCategories.Organization, null, 0.65, "org-named-after-person"));
            return;
        }
        if (firstName && length >= 2 && length <= 4)
        {
            output.Add(new Candidate(s, e, EntityCategories.Person, null, 0.85, "person-first-name"));
            return;
        }
        // Not the head of a longer name ("de Rijksdienst voor Sociale Zekerheid"), which it would cut short.
        if (length == 1 && !evidence.SentenceStart[s] && !tokens[s].AllCaps && p.ClosedCompoundName(first) is { } compound
            && !(e + 1 < tokens.Count && p.OrganizationLinks.Contains(WordSpan(text, tokens, e)) && tokens[e + 1].Capitalised))
        {
            output.Add(new Candidate(s, e, compound, compound == EntityCategories.Location ? "Structural" : null, 0.6, "closed-compound-name"));
            return;
        }
        // "à Guéret", "en Grado": where common nouns are written in lower case, a capitalised word after a preposition of
        // place inside a sentence is a place's name, though the word is also an ordinary one; not the head of a longer
        // name ("au Palais des festivals", "na Bacia de Campos"), nor after a preposition that is also an article
        // (Portuguese "a Tecnologia").
        if (allCommon && !(length == 1 && !p.IsEnglish && !p.NounsCapitalised && !evidence.SentenceStart[s] && !tokens[s].AllCaps
            && afterPlacePreposition && !IsArticle(Word(text, tokens, s - 1))
            && !(e < tokens.Count && p.Connectors.Contains(WordSpan(text, tokens, e))))) return;
        if (length == 1 && afterPlacePreposition && LanguageProfile.IsLocalPlace(text, tokens, s, e))
        {
            // "now lives in Lyon, said she ...": a listed city after "in" stays a place though a speech verb follows it.
            output.Add(new Candidate(s, e, EntityCategories.Location, "GPE", 0.6, "place-local-after-preposition"));
            return;
        }
        // Not after a place's preposition ("à Bellinzone, a acquitté"), nor after a person's role ("le rappeur Damso a").
        if (speech && length == 1 && !p.IsEnglish && !tokens[s].AllCaps && !afterPlacePreposition && !AfterPersonType(text, tokens, s))
        {
            // "selon Enedis", "la Lav ha annunciato": outside English a person is named in full before a surname speaks
            // alone (and is then known in the document), so a lone unknown word that speaks is nobody known: a body.
            output.Add(new Candidate(s, e, EntityCategories.Organization, null, 0.5, "org-speech"));
            return;
        }
        if (speech && length <= 3 && !tokens[s].AllCaps && !(afterPlacePreposition && !p.IsEnglish))
        {
            output.Add(new Candidate(s, e, EntityCategories.Person, null, 0.7, "person-speech"));
            return;
        }
        // "Eurovisie Songfestival", "Copa Libertadores": outside English, a pair holding an ordinary word is no person; in
        // German, where every noun is capitalised, neither is a pair without a first name.
        if (length is 2 or 3 && !tokens[s].AllCaps && !p.NounsCapitalised && !(!p.IsEnglish && AnyCommon(text, tokens, s, e)))
        {
            output.Add(new Candidate(s, e, EntityCategories.Person, null, 0.6, "person-two-words"));
            return;
        }
        if (length == 1 && !p.IsEnglish && !tokens[s].AllCaps && first.Length is >= 2 and <= 5 && ListedAcronym(first) is { } acronymEntry)
        {
            // "del Pd", "la Cgil": outside English the press writes a listed acronym ("PD") in title case.
            output.Add(new Candidate(s, e, EntityCategories.Organization, acronymEntry.Subcategory, 0.6, "org-acronym-title-case"));
            return;
        }
        if (length == 1 && !p.IsEnglish && !p.NounsCapitalised && !tokens[s].AllCaps && !firstName && p.EndsInOrganizationWord(first))
        {
            // "de Woonbond", "de Waddenvereniging": a word no list knows, made with the word for a kind of body, names one.
            output.Add(new Candidate(s, e, EntityCategories.Organization, null, 0.5, "org-compound-word"));
            return;
        }
        if (length == 1)
        {
            // "NATO", "SAG-AFTRA": an unknown acronym names an organisation far more often than anything else.
            if (tokens[s].AllCaps && (first.Length <= 6 || first.Length <= 13 && first.Split('-').All(p => p.Length is > 1 and <= 6) || !p.IsEnglish && first.Length <= 10 && IsBracketed(text, tokens, s)))
            {
                if (!p.CommonAcronyms.Contains(first)) output.Add(new Candidate(s, e, EntityCategories.Organization, null, 0.5, "org-acronym"));
                return;
            }
            // "na B3": a place's name holds no digit; a numbered road has been found apart.
            if ((afterPlacePreposition || !p.IsEnglish && CoordinatedWithPlace(text, tokens, s)) && !first.Any(char.IsAsciiDigit))
                output.Add(new Candidate(s, e, EntityCategories.Location, "GPE", 0.45, "place-after-preposition"));
            else if (p.ShortNamesAreBodies && !evidence.SentenceStart[s] && (first.Length is >= 3 and <= 5 || p.BodyArticles.Contains(WordSpan(text, tokens, s - 1))) && !firstName && first.All(char.IsLetter))
                // "l'Atac", "a Cemig", "Fapesb": Romance and Dutch press write short forms in title case, and an unknown short name
                // is one more often than a place (German nouns are capitalised, so there it is as often a noun no dictionary has);
                // so is a longer one after an article the press puts before bodies ("a Embraer").
                output.Add(new Candidate(s, e, EntityCategories.Organization, null, 0.45, "org-short-name"));
            else if (p.LoneNamesArePlaces && !evidence.SentenceStart[s] && !firstName && first.All(char.IsLetter) && !AfterContentWord(text, tokens, s))
                // "la Semois", "a Teolo": in the French and Italian press a name no list knows, with no cue around it, is a
                // small place's more often than anything else's; after a noun ("le voyagiste Hotelplan", "il comitato
                // Barbagia") it is what the noun says.
                output.Add(new Candidate(s, e, EntityCategories.Location, "GPE", 0.4, "place-lone-name"));
            return;
        }
        if (length >= 4) output.Add(new Candidate(s, e, IsParticledPersonName(text, tokens, s, e) ? EntityCategories.Person : EntityCategories.Organization, null, 0.45, "long-name-run"));
    }

    /// <summary>
    /// "Luis de Guindos", "Rosa de la Fuente": a long run with a name's particle is a person's name, unless neither a first
    /// name nor an article opens it and an ordinary word stands in it ("Subred Integrada de Servicios de Salud", "Procuraduría Federal de
    /// Protección"), which makes it a body's.
    /// </summary>
    private bool IsParticledPersonName(string text, List<Token> tokens, int s, int e)
    {
        if (!HasNameParticle(text, tokens, s, e)) return false;
        if (p.IsEnglish || p.IsFirstName(WordSpan(text, tokens, s)) || p.Articles.Contains(WordSpan(text, tokens, s))) return true;
        for (int i = s; i < e; i++)
            if (tokens[i].Kind == TokenKind.Word && tokens[i].Capitalised && !p.NameParticlesAnyCase.Contains(WordSpan(text, tokens, i)) && p.IsCommon(WordSpan(text, tokens, i)))
                return false;
        return true;
    }

    /// <summary>Whether a person's role stands just before token <paramref name="s"/>, or before an adjective there ("la chanteuse bruxelloise").</summary>
    private bool AfterPersonType(string text, List<Token> tokens, int s) =>
        s > 0 && tokens[s - 1].Kind == TokenKind.Word && p.PersonTypes.TryMatch(text, tokens, s - 1, s, out _, out _)
        || s > 1 && tokens[s - 1].Kind == TokenKind.Word && !tokens[s - 1].Capitalised && tokens[s - 2].Kind == TokenKind.Word
            && p.PersonTypes.TryMatch(text, tokens, s - 2, s - 1, out _, out _);

    /// <summary>Surnames of people named in full, and acronyms defined in brackets, for the second pass.</summary>
    private void Learn(string text, List<Token> tokens, List<Chunk> chunks, List<Candidate> firstPass, DocumentContext context)
    {
        foreach (var c in firstPass)
        {
            if (c.Category != EntityCategories.Organization) continue;
            context.OrganizationStarts.Add(c.Start);
            context.OrganizationEnds.Add(c.End);
            // "Spirit AeroSystems" ... "Spirit": the first word of a company name stands for it later on, unless the
            // name is a word plus an organisation word ("Deutsche Bank") or starts with a place or a nationality.
            // A legal or club form ("Fjordvik IL", "Volkswagen AG") is dropped when the name is shortened, a word ("Bank") is not.
            if (c.End - c.Start >= 2 && (!p.OrganizationWords.Contains(WordSpan(text, tokens, c.End - 1)) || tokens[c.End - 1].AllCaps))
            {
                var head = Word(text, tokens, c.Start);
                if (tokens[c.Start].Capitalised && !tokens[c.Start].AllCaps && !p.Demonyms.Contains(head) && !p.OrganizationFirstWords.Contains(head)
                    && !names.TryMatch(text, tokens, c.Start, c.Start + 1, out _, out _) && head is not ("The" or "New" or "First") && !p.Articles.Contains(head))
                    context.OrganizationAliases.Add(head);
            }
        }
        // A name a cue called an organisation ("the company Aurora Orbital", "satellite maker Weser Raumfahrt"), or the
        // short form of one, is no person elsewhere, though it starts with a first name or precedes "says".
        foreach (var c in firstPass)
            if (c.Rule is "org-kind" or "org-evidence" or "org-evidence-chunk") context.OrganizationNames.Add(RunText(text, tokens, c.Start, c.End));
        foreach (var c in firstPass)
        {
            if (c.Category != EntityCategories.Person || tokens[c.Start].AllCaps || IsPersonAfterArticle(text, tokens, c) || context.OrganizationNames.Contains(RunText(text, tokens, c.Start, c.End))
                || p.OpensPlaceName(WordSpan(text, tokens, c.Start), c.End - c.Start)
                || c.End - c.Start == 1 && context.OrganizationAliases.Contains(WordSpan(text, tokens, c.Start))) continue;
            context.PersonNames.Add(RunText(text, tokens, c.Start, c.End));
            if (c.End - c.Start >= 2)
            {
                // "Josefa de Óbidos": a place after a particle is where the person came from; it alone names the place.
                if (p.IsEnglish || tokens[c.End - 2].Capitalised || !p.NameParticles.Contains(WordSpan(text, tokens, c.End - 2)) || !IsListedPlace(text, tokens, c.End - 1, c.End))
                    context.PersonNames.Add(Word(text, tokens, c.End - 1));
                if (!p.IsFirstName(WordSpan(text, tokens, c.Start)))
                    context.PersonNames.Add(Word(text, tokens, c.Start));
            }
            // "David van Weel", then "Van Weel": the surname with its particles, as written and as a sentence opens it;
            // Flemish particles are capitalised inside the name too ("Bart De Wever", then "De Wever").
            for (int k = c.Start + 1; k + 1 < c.End; k++)
            {
                if (tokens[k].Capitalised ? p.IsEnglish || !p.NameParticlesAnyCase.Contains(WordSpan(text, tokens, k)) : !p.NameParticles.Contains(WordSpan(text, tokens, k))) continue;
                string surname = RunText(text, tokens, k, c.End);
                context.PersonNames.Add(surname);
                context.PersonNames.Add(Capitalised(surname));
                break;
            }
        }
        // "North Atlantic Treaty Organization (NATO)": the bracketed acronym takes the long form's category, or the
        // other way round when only the acronym is known.
        foreach (var chunk in chunks)
        {
            int open = chunk.End;
            if (open + 2 >= tokens.Count || WordSpan(text, tokens, open) is not "(" || WordSpan(text, tokens, open + 2) is not ")") continue;
            string acronym = Word(text, tokens, open + 1);
            var longForm = firstPass.LastOrDefault(c => c.End == chunk.End && c.Start >= chunk.Start);
            if (!tokens[open + 1].AllCaps)
            {
                // "Cooperativa Ganadera del Valle de los Pedroches (Covap)": outside English short forms are often written in
                // title case; one after an organisation that starts with its letter is that organisation.
                var shortForm = tokens[open + 1];
                if (!p.IsEnglish && longForm.Category == EntityCategories.Organization && shortForm.Kind == TokenKind.Word && shortForm.Capitalised && shortForm.Length >= 3
                    && text[shortForm.Start] == text[tokens[longForm.Start].Start] && !names.TryMatch(text, tokens, open + 1, open + 2, out _, out _) && !p.IsCommon(acronym))
                    context.Acronyms[acronym] = (EntityCategories.Organization, null);
                continue;
            }
            if (longForm.Category is not null && longForm.Category != EntityCategories.PersonType && longForm.Start == FirstNonTitle(firstPass, chunk)
                && !ClosesLongerName(text, tokens, longForm, acronym))
                context.Acronyms[acronym] = (longForm.Category, longForm.Subcategory);
            else if (names.TryMatch(text, tokens, open + 1, open + 2, out _, out var known))
                context.Acronyms[acronym] = (known.Category, known.Subcategory);
            else if (InitialsMatch(text, tokens, chunk, acronym))
                context.Acronyms[acronym] = (EntityCategories.Organization, null);
        }
    }

    private static int FirstNonTitle(List<Candidate> candidates, Chunk chunk)
    {
        int start = chunk.Start;
        foreach (var c in candidates)
            if (c.Start >= chunk.Start && c.End <= chunk.End && c.Category == EntityCategories.PersonType) start = Math.Max(start, c.End);
        foreach (var c in candidates)
            if (c.Start >= start && c.End <= chunk.End) return c.Start;
        return start;
    }

    /// <summary>
    /// "Conférence épiscopale nationale du Cameroun (CENC)", "Université du Québec à Rimouski (UQAR)": a one-word place
    /// after a link or a preposition is the end of a name the acronym stands for, not what it abbreviates.
    /// </summary>
    private bool ClosesLongerName(string text, List<Token> tokens, Candidate longForm, string acronym) =>
        !p.IsEnglish && longForm.Category == EntityCategories.Location && longForm.End - longForm.Start == 1 && acronym.Length >= 3
        && longForm.Start > 0 && (p.Connectors.Contains(WordSpan(text, tokens, longForm.Start - 1)) || p.PlacePrepositions.Contains(WordSpan(text, tokens, longForm.Start - 1)));

    private static bool InitialsMatch(string text, List<Token> tokens, Chunk chunk, string acronym)
    {
        int k = 0;
        for (int i = chunk.Start; i < chunk.End && k < acronym.Length; i++)
        {
            char c = text[tokens[i].Start];
            if (char.IsUpper(c)) { if (c != acronym[k]) return false; k++; }
        }
        return k == acronym.Length;
    }

    /// <summary>Roles written in lower case ("the envoy", "US officials") outside any name.</summary>
    private void FindPersonTypes(string text, List<Token> tokens, List<Candidate> found)
    {
        var covered = new bool[tokens.Count];
        foreach (var c in found) for (int i = c.Start; i < c.End; i++) covered[i] = true;
        for (int i = 0; i < tokens.Count; i++)
        {
            if (covered[i] || tokens[i].Kind != TokenKind.Word || tokens[i].Capitalised && !tokens[i].AllCaps) continue;
            if (!p.PersonTypes.TryMatch(text, tokens, i, tokens.Count, out int len, out var entry)) continue;
            bool free = true;
            for (int k = i; k < i + len; k++) free &= !covered[k];
            if (!free) continue;
            found.Add(new Candidate(i, i + len, entry.Category, null, entry.Weight, "person-type-word"));
            i += len - 1;
        }
    }

    /// <summary>Non-overlapping candidates in text order; on overlap the earlier, then longer, then surer one stays.</summary>
    private static List<Candidate> Resolve(List<Candidate> found)
    {
        found.Sort((a, b) => a.Start != b.Start ? a.Start.CompareTo(b.Start)
            : a.End != b.End ? b.End.CompareTo(a.End) : b.Confidence.CompareTo(a.Confidence));
        var result = new List<Candidate>(found.Count);
        int end = 0;
        foreach (var c in found)
        {
            if (c.Start < end) continue;
            result.Add(c);
            end = c.End;
        }
        return result;
    }

    /// <summary>
    /// "Victoria de Jong", "Patrick van der Broeck": after a first name and a particle in lower case comes a surname, though
    /// it is also a common word or a small place.
    /// </summary>
    private bool IsSurnameAfterParticle(string text, List<Token> tokens, int s, int e) =>
        p.IsFirstName(WordSpan(text, tokens, s)) && !tokens[e - 2].Capitalised && p.NameParticles.Contains(WordSpan(text, tokens, e - 2))
        && IsNameWord(tokens[e - 1]) && (!names.TryMatch(text, tokens, e - 1, e, out _, out var last) || last.Category == EntityCategories.Location && last.Weight < 0.6);

    /// <summary>
    /// Whether a surname starts at token <paramref name="i"/> of the chunk ending at <paramref name="e"/>, after a first name
    /// that opens a sentence: as <see cref="IsSurname"/> has it, or, where common nouns are lower case, a small town's name
    /// that ends the chunk, though both words are ordinary words too ("Ricardo Horta abriu").
    /// </summary>
    private bool SurnameFollows(string text, List<Token> tokens, int i, int e) =>
        i < e && (IsSurname(text, tokens, i, e)
            || !p.IsEnglish && !p.NounsCapitalised && e == i + 1 && IsNameWord(tokens[i]) && names.TryMatch(text, tokens, i, e, out int length, out var entry) && IsTown(entry, length));

    private bool IsUnknownName(string text, List<Token> tokens, int i) =>
        IsNameWord(tokens[i]) && !p.IsCommon(Word(text, tokens, i)) && !names.TryMatch(text, tokens, i, i + 1, out _, out _);

    /// <summary>
    /// Whether a surname starts at token <paramref name="i"/> after a first name: a word no list knows or, where common
    /// nouns are written in lower case, only as a town ("Juan Pérez"); or a particle before a name ("Le Pen", "van Bommel").
    /// </summary>
    private bool IsSurname(string text, List<Token> tokens, int i, int e) =>
        IsNameWord(tokens[i]) && !p.IsCommon(Word(text, tokens, i))
        && (!names.TryMatch(text, tokens, i, e, out int length, out var entry) || !p.IsEnglish && !p.NounsCapitalised && IsTown(entry, length))
        // "Le Pen", "De Gaulle", "van Bommel": a particle and a name.
        || !p.IsEnglish && i + 1 < e && IsNameWord(tokens[i + 1]) && p.NameParticlesAnyCase.Contains(WordSpan(text, tokens, i));

    /// <summary>
    /// Where a chunk's name begins: after a title ("Burgemeester Femke Halsema") and a capitalised function word that
    /// opens the sentence ("Ook Caroline van der Plas"), which the chunk took in before the name.
    /// </summary>
    private int NameStart(string text, List<Token> tokens, int i, int end)
    {
        while (i < end - 1)
        {
            if ((p.TryTitle(text, tokens, i, end, out int length) || !p.IsEnglish && IsRoleWord(text, tokens, i, end, out length)) && i + length < end) i += length;
            // "Laut Ursula von der Leyen": a word for "according to" opening the sentence is no part of the name.
            else if (IsFunctionWord(WordSpan(text, tokens, i)) || p.AccordingTo.Contains(WordSpan(text, tokens, i))) i++;
            else break;
        }
        return i;
    }

    /// <summary>Where a listed place of one or two words at the end of the run [i, end) ends, when its name goes on past the run.</summary>
    private int? ListedPlaceGoesOn(string text, List<Token> tokens, int i, int end)
    {
        for (int start = end - 1; start > i && start >= end - 2; start--)
            if (names.TryMatch(text, tokens, start, tokens.Count, out int length, out _) && start + length > end) return start + length;
        return null;
    }

    /// <summary>Whether the chunk so far, past a title, is a person's name: a first name, or two or three unknown name words.</summary>
    private bool IsPersonName(string text, List<Token> tokens, int i, int end)
    {
        int s = NameStart(text, tokens, i, end);
        return StartsPersonName(text, tokens, s) || LooksLikePersonName(text, tokens, s, end);
    }

    private bool LooksLikePersonName(string text, List<Token> tokens, int s, int e)
    {
        if (e - s is < 2 or > 3) return false;
        for (int i = s; i < e; i++)
        {
            var w = Word(text, tokens, i);
            if (!IsNameWord(tokens[i]) || tokens[i].AllCaps || p.IsCommon(w) || p.OrganizationWords.Contains(w) || p.EndsInOrganizationWord(w) || names.TryMatch(text, tokens, i, i + 1, out _, out _)
                || i == s && IsForeignHead(w)) return false;
        }
        return true;
    }

    private bool IsOrdinaryWordTown(string text, List<Token> tokens, int i) =>
        names.TryMatch(text, tokens, i, i + 1, out _, out var town) && town.Source == "place-local-city" && p.IsCommon(Word(text, tokens, i));

    private bool IsFunctionWord(ReadOnlySpan<char> word) => !p.IsEnglish && stopWords?.Contains(word) == true && !p.Articles.Contains(word);

    /// <summary>"(OCLCIFF)": a word alone in brackets, where a long name's short form is given.</summary>
    private static bool IsBracketed(string text, List<Token> tokens, int i) =>
        i > 0 && i + 1 < tokens.Count && WordSpan(text, tokens, i - 1) is "(" && WordSpan(text, tokens, i + 1) is ")";

    private static bool IsQuote(ReadOnlySpan<char> word) => word is "\"" or "\u201C" or "\u201D" or "\u201E" or "\u00AB" or "\u00BB";

    private bool IsOfOrFor(ReadOnlySpan<char> word) => p.Of.Contains(word) || p.ForWords.Contains(word);

    private bool IsAndOr(ReadOnlySpan<char> word) => p.And.Contains(word) || p.Or.Contains(word);

    /// <summary>
    /// The first token from <paramref name="i"/> that is no capitalised adjective, <paramref name="last"/> at most: a German
    /// one ("Bayerische Landesamt"), or elsewhere outside English a capitalised ordinary word ("Medisch Centrum").
    /// </summary>
    private int AfterAdjectives(string text, List<Token> tokens, int i, int last)
    {
        while (i < last && (p.NounsCapitalised ? p.IsCapitalisedAdjective(Word(text, tokens, i)) : !p.IsEnglish && tokens[i].Capitalised && p.IsCommon(Word(text, tokens, i)))) i++;
        return i;
    }

    /// <summary>Whether any of tokens [s, e) is one of <paramref name="words"/>.</summary>
    private static bool HasAnyOf(WordSet words, string text, List<Token> tokens, int s, int e)
    {
        for (int i = s; i < e; i++)
            if (words.Contains(WordSpan(text, tokens, i))) return true;
        return false;
    }

    private static string Word(string text, List<Token> tokens, int i) => text.Substring(tokens[i].Start, tokens[i].Length);

    /// <summary>The word as a view of the text, for lookups that need no string of their own.</summary>
    private static ReadOnlySpan<char> WordSpan(string text, List<Token> tokens, int i) => text.AsSpan(tokens[i].Start, tokens[i].Length);

    private static string RunText(string text, List<Token> tokens, int s, int e) => text[tokens[s].Start..tokens[e - 1].End];
}
