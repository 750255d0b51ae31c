using FargateNetwork.Tests.Shared;

namespace StackRules.Tests.Packaging;

/// <summary>
/// The SDK as a team gets it, built once per test run in a temporary folder: the repository's sdk/ packed with
/// <c>dotnet pack</c> into a local NuGet source, the <c>dotnet new</c> template installed from the packed template
/// package (into a private template hive), a pack created from it, restored from the local source (into a private
/// packages folder, so no stale copy of the SDK is ever used), and published. Everything runs on a copy of sdk/ so a
/// test run never writes into the repository's build output.
/// </summary>
public sealed class PackagedSdk : IDisposable
{
    private static readonly TimeSpan Limit = TimeSpan.FromMinutes(10);

    public PackagedSdk()
    {
        Root = Path.Combine(Path.GetTempPath(), $"stackrules-{Guid.NewGuid():N}");
        Feed = Path.Combine(Root, "feed");
        var source = Path.Combine(Root, "src");
        Directory.CreateDirectory(Feed);
        CopyDirectory(RepositoryRoot.File("sdk"), Path.Combine(source, "sdk"));
        foreach (var file in new[] { "Directory.Build.props", "Directory.Packages.props", "global.json" })
        {
            File.Copy(RepositoryRoot.File(file), Path.Combine(source, file));
        }

        foreach (var project in new[] { "sdk/StackRules/StackRules.csproj", "sdk/StackRules.Host/StackRules.Host.csproj", "sdk/templates/StackRules.Templates.csproj" })
        {
            Dotnet(source, "pack", project, "-c", "Release", "-o", Feed).Succeeded($"dotnet pack {project}");
        }

        var hive = Path.Combine(Root, "hive");
        Dotnet(Root, "new", "install", Path.Combine(Feed, "StackRules.Templates.0.1.0.nupkg"), "--debug:custom-hive", hive).Succeeded("dotnet new install");
        PackDirectory = Path.Combine(Root, "TeamPolicies");
        Dotnet(Root, "new", "stackrules-pack", "-n", "TeamPolicies", "-o", PackDirectory, "--packName", "team-policies", "--debug:custom-hive", hive)
            .Succeeded("dotnet new stackrules-pack");

        // The local source first; the machine's package cache and nuget.org for the SDK's own dependencies.
        File.WriteAllText(Path.Combine(PackDirectory, "nuget.config"), $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <clear />
                <add key="local" value="{Feed}" />
                <add key="cache" value="{Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages")}" />
                <add key="nuget.org" value="https://api.nuget.org/v3/index.json" />
              </packageSources>
            </configuration>
            """);
        Publish = Path.Combine(Root, "out");
        Dotnet(PackDirectory, "publish", "-c", "Release", "-o", Publish, "--packages", Path.Combine(Root, "packages")).Succeeded("dotnet publish");
        Executable = Path.Combine(Publish, "pulumi-analyzer-policy-team-policies");
    }

    public string Root { get; }

    public string Feed { get; }

    public string PackDirectory { get; }

    public string Publish { get; }

    public string Executable { get; }

    internal static Command Dotnet(string directory, params string[] args) => Command.Run("dotnet", args, directory, Limit);

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temporary folder is not a test failure.
        }
    }

    private static void CopyDirectory(string from, string to)
    {
        foreach (var dir in Directory.EnumerateDirectories(from, "*", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(from, dir);
            if (!relative.Split(Path.DirectorySeparatorChar).Any(p => p is "bin" or "obj"))
            {
                Directory.CreateDirectory(Path.Combine(to, relative));
            }
        }

        Directory.CreateDirectory(to);
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(from, file);
            if (!relative.Split(Path.DirectorySeparatorChar).Any(p => p is "bin" or "obj"))
            {
                File.Copy(file, Path.Combine(to, relative));
            }
        }
    }
}
