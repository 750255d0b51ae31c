using FargateNetwork.Policies.Tests.Model;

namespace FargateNetwork.Policies.Tests.Rules;

/// <summary>
/// <c>awslogs-log-group-exists</c>: every <c>awslogs-group</c> is created in the stack, or the container sets
/// <c>awslogs-create-group</c> (advisory).
/// </summary>
public class AwslogsLogGroupExistsTests
{
    [Fact]
    public void MissingLogGroupIsAdvisory() =>
        Expect.Violations(Scenarios.PrivateEndpoints().Remove("appLogs"), ("awslogs-log-group-exists", "appTask"));

    [Fact]
    public void LogGroupWithAnotherNameIsReported() =>
        Expect.Violations(Scenarios.PrivateEndpoints().Set("appLogs", "name", "/ecs/other"), ("awslogs-log-group-exists", "appTask"));

    [Fact]
    public void AwslogsCreateGroupPasses()
    {
        var b = Scenarios.PrivateEndpoints().Remove("appLogs");
        b.Set("appTask", "containerDefinitions", new[]
        {
            StackBuilder.Obj(("name", "app"), ("image", Scenarios.Image), ("logConfiguration", StackBuilder.Obj(("logDriver", "awslogs"), ("options", StackBuilder.Obj(("awslogs-group", "/ecs/app"), ("awslogs-create-group", "true")))))),
        });
        Expect.Violations(b);
    }
}
