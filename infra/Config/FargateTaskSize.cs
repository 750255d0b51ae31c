namespace FargateNetwork.Infra;

/// <summary>
/// The CPU/memory pairs Fargate accepts for Linux tasks (task-level size). Source: Amazon ECS Developer Guide,
/// "Task CPU and memory" (https://docs.aws.amazon.com/AmazonECS/latest/developerguide/fargate-tasks-services.html#fargate-tasks-size;
/// the same table: https://docs.aws.amazon.com/AmazonECS/latest/userguide/task-cpu-memory-error.html):
/// 256 → 512, 1024, 2048 MiB; 512 → 1024-4096 in 1024 steps; 1024 → 2048-8192 in 1024 steps; 2048 → 4096-16384 in 1024
/// steps; 4096 → 8192-30720 in 1024 steps; 8192 → 16384-61440 in 4096 steps and 16384 → 32768-122880 in 8192 steps
/// (both need platform version 1.4.0 or later, which this template always uses).
/// </summary>
internal static class FargateTaskSize
{
    private static readonly (int Cpu, int Min, int Max, int Step)[] Table =
    [
        (256, 512, 2048, 512),
        (512, 1024, 4096, 1024),
        (1024, 2048, 8192, 1024),
        (2048, 4096, 16384, 1024),
        (4096, 8192, 30720, 1024),
        (8192, 16384, 61440, 4096),
        (16384, 32768, 122880, 8192),
    ];

    public static IEnumerable<int> CpuValues => Table.Select(t => t.Cpu);

    public static bool IsValidCpu(int cpu) => Table.Any(t => t.Cpu == cpu);

    public static bool IsValid(int cpu, int memory) =>
        cpu == 256 ? memory is 512 or 1024 or 2048 : Table.Any(t => t.Cpu == cpu && memory >= t.Min && memory <= t.Max && (memory - t.Min) % t.Step == 0);

    /// <summary>The memory sizes allowed with <paramref name="cpu"/>, for error messages.</summary>
    public static string AllowedMemory(int cpu)
    {
        var row = Table.Single(t => t.Cpu == cpu);
        return cpu == 256 ? "512, 1024 or 2048" : $"{row.Min} to {row.Max} in steps of {row.Step}";
    }
}
