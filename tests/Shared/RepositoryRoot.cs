namespace FargateNetwork.Tests.Shared;

/// <summary>Finds files of the repository from a test's output folder (the folder that holds fargate-network.sln).</summary>
internal static class RepositoryRoot
{
    private static readonly Lazy<string> Root = new(Find);

    public static string Path => Root.Value;

    public static string File(params string[] parts) => System.IO.Path.Combine([Root.Value, .. parts]);

    /// <summary>The installed npm package folder, or a failure that says how to install it.</summary>
    public static string NodePackage(string name)
    {
        var dir = File("node_modules", name);
        if (!Directory.Exists(dir))
        {
            throw new InvalidOperationException(
                $"npm package {name} is not installed at {dir}: run `npm ci --ignore-scripts` in the repository root (scripts/test does).");
        }

        return dir;
    }

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (System.IO.File.Exists(System.IO.Path.Combine(dir.FullName, "fargate-network.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"fargate-network.sln not found above {AppContext.BaseDirectory}");
    }
}
