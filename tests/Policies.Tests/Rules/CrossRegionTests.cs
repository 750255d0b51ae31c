using FargateNetwork.Policies.Tests.Model;
using static FargateNetwork.Policies.Tests.Model.StackBuilder;

namespace FargateNetwork.Policies.Tests.Rules;

/// <summary>
/// Issue 9 item 6: an image, a secret or a log stream in another Region needs an internet path ("VPC endpoints
/// currently don't support cross-Region requests"); the fix named is one that works.
/// </summary>
public class CrossRegionTests
{
    private const string Endpoints = "private-fargate-subnet-endpoints";

    private static StackBuilder With(RefStyle style, string change)
    {
        var b = Scenarios.PrivateEndpoints(style);
        var logs = Obj(("logDriver", "awslogs"), ("options", Obj(("awslogs-group", "/ecs/app"), ("awslogs-region", change == "logs" ? "us-east-1" : Scenarios.Region), ("awslogs-stream-prefix", "app"))));
        b.Set("appTask", "containerDefinitions", new[]
        {
            Obj(
                ("name", "app"),
                ("image", change == "image" ? "123456789012.dkr.ecr.us-east-1.amazonaws.com/app:1" : Scenarios.Image),
                ("logConfiguration", logs),
                ("secrets", new[] { Obj(("name", "DB"), ("valueFrom", change == "secret" ? "arn:aws:secretsmanager:us-west-2:123456789012:secret:db-AbCdEf" : Scenarios.SecretArn)) })),
        });
        return b;
    }

    [Theory]
    [InlineData(RefStyle.Reference, "image", "ecr.dkr (us-east-1)")]
    [InlineData(RefStyle.Id, "image", "ecr.dkr (us-east-1)")]
    [InlineData(RefStyle.Reference, "secret", "secretsmanager (us-west-2)")]
    [InlineData(RefStyle.Id, "logs", "logs (us-east-1)")]
    public void AnotherRegionNeedsAnInternetPath(RefStyle style, string change, string row)
    {
        var evaluation = Expect.Mandatory(With(style, change).Build(), null, (Endpoints, "app"));
        var message = evaluation.Violations.First(v => v.Policy == Endpoints).Message;
        Assert.Contains("NAT gateway route", message, StringComparison.Ordinal);
        Assert.DoesNotContain("create the missing interface endpoints", message, StringComparison.Ordinal);
        Assert.Contains(evaluation.Reachability, r => r.Destination == row && r.Path == "none");
    }

    [Theory]
    [InlineData("image")]
    [InlineData("secret")]
    [InlineData("logs")]
    public void WithANatPathTheOtherRegionIsReached(string change)
    {
        var b = With(RefStyle.Reference, change);
        Scenarios.PublicNat(b);
        b.Add("aws:ec2/route:Route", "defaultToNat", ("routeTableId", b.Ref("privateRt")), ("destinationCidrBlock", "0.0.0.0/0"), ("natGatewayId", b.Ref("nat")));
        var evaluation = Expect.Mandatory(b);
        Assert.Contains(evaluation.Reachability, r => r.Destination.EndsWith(')') && r.Path == "nat-gateway");
    }

    [Fact]
    public void ImageFromAnotherRegistryNamesAFixThatWorks()
    {
        var b = Scenarios.PrivateEndpoints();
        b.Set("appTask", "containerDefinitions", new[] { Obj(("name", "app"), ("image", "public.ecr.aws/nginx/nginx:1.27")) });
        var message = Expect.Mandatory(b, (Endpoints, "app")).Violations.First(v => v.Policy == Endpoints).Message;
        Assert.Contains("push the image to a private ECR repository", message, StringComparison.Ordinal);
    }
}
