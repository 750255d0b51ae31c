namespace StackRules;

/// <summary>
/// How Pulumi encodes special values in property maps, in state files, previews and the analyzer protocol alike
/// (pulumi/pulumi <c>sdk/go/common/resource/sig</c> and <c>sdk/go/common/resource/plugin/rpc.go</c>): an object
/// holding <see cref="Key"/> whose value says what it is, and unknowns as sentinel strings.
/// </summary>
public static class PulumiSignatures
{
    /// <summary>The key that marks an object as a special value.</summary>
    public const string Key = "4dabf18193072939515e22adb298388d";

    /// <summary>A secret: <c>{sig: this, value: plaintext}</c> (or <c>plaintext</c>/<c>ciphertext</c> in a state file).</summary>
    public const string Secret = "1b47061264138c4ac30d75fd1eb44270";

    /// <summary>A resource reference: <c>{sig: this, urn, id}</c>.</summary>
    public const string ResourceReference = "5cf8f73096256a8f31e491e813e4eb8e";

    /// <summary>An output value with its dependencies: <c>{sig: this, value, secret, dependencies}</c>.</summary>
    public const string Output = "d0e6a833031e9bbcd3f4e8bde6ca49a4";

    /// <summary>The string every unknown is since Pulumi CLI 3.249.0 (and the unknown of a string before).</summary>
    public const string UnknownSentinel = "04da6b54-80e4-46f7-96ec-b56ff0331ba9";

    /// <summary>
    /// Every unknown sentinel: the string one above, and the typed ones older engines send (bool, number, array,
    /// asset, archive, object).
    /// </summary>
    public static readonly IReadOnlySet<string> UnknownSentinels = new HashSet<string>(StringComparer.Ordinal)
    {
        "1c4a061d-8072-4f0a-a4cb-0ff528b18fe7",
        "3eeb2bf0-c639-47a8-9e75-3b44932eb421",
        UnknownSentinel,
        "6a19a0b0-7e62-4c92-b797-7f8e31da9cc2",
        "030794c1-ac77-496b-92df-f27374a8bd58",
        "e48ece36-62e2-4504-bad9-02848725956a",
        "dd056dcd-154b-4c76-9bd3-c8f88648b5ff",
    };
}
