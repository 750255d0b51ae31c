namespace FargateNetwork.Infra;

/// <summary>
/// The Pulumi YAML compiler contract. Modes:
/// run (<c>PULUMI_CONFIG</c> set: Pulumi's <c>Run</c> passes it, even as <c>null</c> for a stack without config),
/// discovery (no <c>PULUMI_CONFIG</c>: built-in config; never fails, never reads stdin. <c>PULUMI_STACK</c> alone
/// does not mean run mode: users select a stack with it and plugins inherit it),
/// <c>--stack NAME</c> (reads Pulumi.NAME.yaml). The template is built in memory and written only on success;
/// on failure stdout stays empty and stderr gets one line per problem. Before printing, the policy pack checks the
/// template (<see cref="PackVerdict"/>): a mandatory violation is a config problem naming the key to change, an
/// advisory one a warning. Warnings (placeholders, advisories) go to stderr.
/// Exit codes: 0 ok, 1 bad config, 2 bad usage, 70 internal error.
/// </summary>
public static class Compiler
{
    public const int Ok = 0;
    public const int BadConfig = 1;
    public const int BadUsage = 2;
    public const int InternalError = 70;

    public static int Run(string[] args, ICompilerEnvironment environment, TextWriter stdout, TextWriter stderr)
    {
        string? file = null;
        try
        {
            string? stack = null;
            for (var i = 0; i < args.Length; i++)
            {
                if (args[i] == "--stack" && i + 1 < args.Length)
                {
                    stack = args[++i];
                }
                else if (args[i].StartsWith("--stack=", StringComparison.Ordinal))
                {
                    stack = args[i]["--stack=".Length..];
                }
                else
                {
                    throw new UsageError($"unexpected argument '{args[i]}'. Usage: fargate-network-compiler [--stack NAME] (without --stack it reads Pulumi's PULUMI_CONFIG, or prints the package-discovery template when that is not set)");
                }
            }

            var project = environment.GetVariable("PULUMI_PROJECT");
            var projectName = string.IsNullOrEmpty(project) ? ConfigReader.Namespace : project;
            Dictionary<string, string?> raw;
            var roots = new Dictionary<string, string>(StringComparer.Ordinal);
            var pulumiConfig = environment.GetVariable("PULUMI_CONFIG");
            if (stack is not null)
            {
                (raw, file, _) = ReadStackFile(stack, environment, stderr);
            }
            else if (!string.IsNullOrEmpty(pulumiConfig))
            {
                raw = RunConfig.Parse(pulumiConfig, project, roots);
            }
            else
            {
                raw = DiscoveryConfig.Values;
            }

            var reader = new ConfigReader(raw, file, roots);
            var config = reader.Read();
            var text = YamlEmitter.Emit(TemplateBuilder.Build(config, projectName));
            // Discovery mode's built-in config is not the user's: nothing to check or warn about.
            var discovery = ReferenceEquals(raw, DiscoveryConfig.Values);
            var warnings = discovery ? [] : reader.Warnings.ToList();
            if (!discovery)
            {
                var verdict = PackVerdict.Of(text, config, file);
                if (verdict.Problems.Count > 0)
                {
                    throw new ConfigError(verdict.Problems);
                }

                warnings.AddRange(verdict.Warnings);
            }

            foreach (var warning in warnings)
            {
                stderr.WriteLine($"fargate-network: {warning}");
            }

            stdout.Write(text);
            stdout.Flush();
            return Ok;
        }
        catch (ConfigError e)
        {
            foreach (var problem in e.Problems)
            {
                stderr.WriteLine($"fargate-network: {problem}");
            }

            return BadConfig;
        }
        catch (UsageError e)
        {
            stderr.WriteLine($"fargate-network: {e.Message}");
            return BadUsage;
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            stderr.WriteLine($"fargate-network: internal error ({e.GetType().Name}: {e.Message.ReplaceLineEndings(" ")}); please report it with the config that caused it");
            return InternalError;
        }
    }

    // Kept in its own method so YamlDotNet is loaded only in --stack mode.
    private static (Dictionary<string, string?>, string, string) ReadStackFile(string stack, ICompilerEnvironment environment, TextWriter stderr) =>
        StackFile.Read(stack, environment.SearchRoots, stderr);
}
