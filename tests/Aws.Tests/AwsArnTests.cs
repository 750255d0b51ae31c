namespace FargateNetwork.Aws.Tests;

public class AwsArnTests
{
    [Theory]
    [InlineData("arn:aws:secretsmanager:ap-northeast-1:111122223333:secret:db-AbCdEf", "ap-northeast-1")]
    [InlineData("arn:aws-cn:ssm:cn-north-1:111122223333:parameter/app/key", "cn-north-1")]
    [InlineData("arn:aws:logs:us-east-1:111122223333:log-group:/ecs/app:*", "us-east-1")]
    [InlineData("arn:aws:iam::111122223333:role/app", null)]
    [InlineData("arn:aws:s3:::bucket", null)]
    [InlineData("arn:aws:ssm:eu-west-1", null)]
    [InlineData("/app/key", null)]
    [InlineData("app-key", null)]
    [InlineData("", null)]
    public void TheRegionFieldOfAnArnAndNothingElse(string text, string? region) => Assert.Equal(region, AwsArn.RegionOf(text));
}
