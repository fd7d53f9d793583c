namespace Pipeline.Contracts;

/// <summary>The entity categories an enriched article carries: Azure AI Language's names, which every analyzer uses.</summary>
public static class EntityCategories
{
    /// <summary>A person's name.</summary>
    public const string Person = "Person";

    /// <summary>A role or job a person holds ("the minister", "spokeswoman").</summary>
    public const string PersonType = "PersonType";

    /// <summary>A place: a country, city, region or landmark.</summary>
    public const string Location = "Location";

    /// <summary>A company, institution, party, team or agency.</summary>
    public const string Organization = "Organization";

    /// <summary>A named event.</summary>
    public const string Event = "Event";

    /// <summary>A named product.</summary>
    public const string Product = "Product";

    /// <summary>A date, time, duration or range.</summary>
    public const string DateTime = "DateTime";

    /// <summary>A number, percentage, currency amount, ordinal or dimension.</summary>
    public const string Quantity = "Quantity";
}
