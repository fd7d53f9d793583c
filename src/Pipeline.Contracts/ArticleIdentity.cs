using System.Security.Cryptography;
using System.Text;

namespace Pipeline.Contracts;

/// <summary>
/// An article is the blob it arrived as: its id is derived from container and name, so re-uploads and overwrites of one name
/// are revisions of one article, and two names are two articles. The content hash identifies a revision's text.
/// </summary>
public static class ArticleIdentity
{
    /// <summary>
    /// The first 32 lowercase hex characters of SHA-256 over the UTF-8 of <c>{container}/{name}</c>: safe as a blob name,
    /// a table key and a URL segment.
    /// </summary>
    /// <param name="container">The container the article arrived in (<c>articles</c>).</param>
    /// <param name="name">The blob name exactly as stored: NFC and NFD spellings of one name are two articles.</param>
    /// <returns>The article id.</returns>
    public static string ArticleId(string container, string name) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{container}/{name}")))[..32];

    /// <summary><c>sha256:</c> and 64 lowercase hex characters of SHA-256 over the UTF-8 of the text: tells one revision of an article from another.</summary>
    /// <param name="text">The article's normalised text (<see cref="EnrichedArticle.Text"/>).</param>
    /// <returns>The content hash.</returns>
    public static string ContentHash(string text) =>
        "sha256:" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
}
