using System.Security.Cryptography;
using System.Text;

namespace Pipeline.Contracts;

/// <summary>
/// An article is the blob it arrived as: its id is derived from container and name, so re-uploads and overwrites of one name
/// are revisions of one article, and two names are two articles. The content hash identifies a revision's text.
/// </summary>
public static class ArticleIdentity
{
    /// <summary>32 lowercase hex characters: safe as a blob name, a table key and a URL segment.</summary>
    public static string ArticleId(string container, string name) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{container}/{name}")))[..32];

    public static string ContentHash(string text) =>
        "sha256:" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
}
