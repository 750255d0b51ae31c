using System.Globalization;
using StackRules;

namespace FargateNetwork.Benchmarks.CheckScale;

/// <summary>
/// Builds a synthetic stack from repeated "cells": a VPC with two private task subnets and one public NAT subnet,
/// route tables and associations, an internet gateway, a NAT gateway with its Elastic IP, security groups, five
/// interface endpoints and the S3 gateway endpoint, a log group, a task definition, a Fargate service, a scheduled
/// task, and a handful of unrelated resources. Half the cells name each other by id (stack export), half by
/// reference (template/preview). One cell in ten misses its ecr.api endpoint, so the rules have work to report.
/// </summary>
internal static class SyntheticStack
{
    public const int ResourcesPerCell = 40;

    public static List<StackResource> Build(int resources)
    {
        var list = new List<StackResource>(resources);
        for (var cell = 0; list.Count + ResourcesPerCell <= resources; cell++)
        {
            AddCell(list, cell);
        }

        for (var i = 0; list.Count < resources; i++)
        {
            list.Add(Resource(list, "aws:sqs/queue:Queue", $"filler{i}", false, ("name", S($"q{i}"))));
        }

        return list;
    }

    private static void AddCell(List<StackResource> list, int cell)
    {
        var byId = cell % 2 == 0;
        var region = "ap-northeast-1";
        string N(string name) => $"{name}{cell}";
        PropertyValue Ref(string name) => byId ? S($"id-{N(name)}") : new ReferenceValue(Urn(TypeOf[name], N(name)), "id");
        PropertyValue Refs(params string[] names) => new ArrayValue(names.Select(Ref).ToList());
        var octet = cell % 250;

        void Add(string key, params (string, PropertyValue)[] props) => list.Add(Resource(list, TypeOf[key], N(key), byId, props));

        Add("vpc", ("cidrBlock", S($"10.{octet}.0.0/16")), ("enableDnsSupport", new BoolValue(true)), ("enableDnsHostnames", new BoolValue(true)));
        Add("taskA", ("vpcId", Ref("vpc")), ("cidrBlock", S($"10.{octet}.1.0/24")), ("availabilityZone", S($"{region}a")));
        Add("taskC", ("vpcId", Ref("vpc")), ("cidrBlock", S($"10.{octet}.2.0/24")), ("availabilityZone", S($"{region}c")));
        Add("natSubnet", ("vpcId", Ref("vpc")), ("cidrBlock", S($"10.{octet}.100.0/24")), ("availabilityZone", S($"{region}c")));
        Add("igw", ("vpcId", Ref("vpc")));
        Add("eip", ("domain", S("vpc")));
        Add("nat", ("subnetId", Ref("natSubnet")), ("allocationId", Ref("eip")));
        Add("publicRt", ("vpcId", Ref("vpc")), ("routes", new ArrayValue([Obj(("cidrBlock", S("0.0.0.0/0")), ("gatewayId", Ref("igw")))])));
        Add("privateRt", ("vpcId", Ref("vpc")));
        Add("partnerRoute", ("routeTableId", Ref("privateRt")), ("destinationCidrBlock", S("203.0.113.10/32")), ("natGatewayId", Ref("nat")));
        Add("assocA", ("subnetId", Ref("taskA")), ("routeTableId", Ref("privateRt")));
        Add("assocC", ("subnetId", Ref("taskC")), ("routeTableId", Ref("privateRt")));
        Add("assocNat", ("subnetId", Ref("natSubnet")), ("routeTableId", Ref("publicRt")));
        Add("taskSg", ("vpcId", Ref("vpc")), ("egress", new ArrayValue([Obj(("protocol", S("-1")), ("fromPort", new NumberValue(0)), ("toPort", new NumberValue(0)), ("cidrBlocks", new ArrayValue([S("0.0.0.0/0")])))])));
        Add("endpointSg", ("vpcId", Ref("vpc")), ("ingress", new ArrayValue([Obj(("protocol", S("tcp")), ("fromPort", new NumberValue(443)), ("toPort", new NumberValue(443)), ("securityGroups", Refs("taskSg")))])));
        foreach (var service in new[] { "ecr.api", "ecr.dkr", "logs", "secretsmanager", "ssm" })
        {
            if (service == "ecr.api" && cell % 10 == 9)
            {
                continue;
            }

            list.Add(Resource(list, "aws:ec2/vpcEndpoint:VpcEndpoint", N(service), byId,
                ("vpcId", Ref("vpc")), ("serviceName", S($"com.amazonaws.{region}.{service}")), ("vpcEndpointType", S("Interface")),
                ("privateDnsEnabled", new BoolValue(true)), ("subnetIds", Refs("taskA", "taskC")), ("securityGroupIds", Refs("endpointSg"))));
        }

        Add("s3", ("vpcId", Ref("vpc")), ("serviceName", S($"com.amazonaws.{region}.s3")), ("routeTableIds", Refs("privateRt")));
        Add("logGroup", ("name", S($"/ecs/app{cell}")));
        Add("taskDef", ("family", S(N("app"))), ("requiresCompatibilities", new ArrayValue([S("FARGATE")])),
            ("containerDefinitions", S(ContainerDefinitions(region, cell))));
        Add("service", ("launchType", S("FARGATE")), ("taskDefinition", Ref("taskDef")),
            ("networkConfiguration", Obj(("subnets", Refs("taskA", "taskC")), ("securityGroups", Refs("taskSg")), ("assignPublicIp", new BoolValue(false)))));
        Add("schedule", ("target", Obj(("arn", S("arn:aws:ecs:cluster/main")), ("roleArn", S("arn:aws:iam::123456789012:role/s")),
            ("ecsParameters", Obj(("taskDefinitionArn", Ref("taskDef")), ("launchType", S("FARGATE")), ("networkConfiguration", Obj(("subnets", Refs("taskA")), ("securityGroups", Refs("taskSg")))))))));
        while (list.Count % ResourcesPerCell != 0)
        {
            list.Add(Resource(list, "aws:s3/bucketV2:BucketV2", $"bucket{cell}-{list.Count % ResourcesPerCell}", byId, ("bucket", S($"b{cell}-{list.Count}"))));
        }
    }

    private static readonly Dictionary<string, string> TypeOf = new()
    {
        ["vpc"] = "aws:ec2/vpc:Vpc",
        ["taskA"] = "aws:ec2/subnet:Subnet",
        ["taskC"] = "aws:ec2/subnet:Subnet",
        ["natSubnet"] = "aws:ec2/subnet:Subnet",
        ["igw"] = "aws:ec2/internetGateway:InternetGateway",
        ["eip"] = "aws:ec2/eip:Eip",
        ["nat"] = "aws:ec2/natGateway:NatGateway",
        ["publicRt"] = "aws:ec2/routeTable:RouteTable",
        ["privateRt"] = "aws:ec2/routeTable:RouteTable",
        ["partnerRoute"] = "aws:ec2/route:Route",
        ["assocA"] = "aws:ec2/routeTableAssociation:RouteTableAssociation",
        ["assocC"] = "aws:ec2/routeTableAssociation:RouteTableAssociation",
        ["assocNat"] = "aws:ec2/routeTableAssociation:RouteTableAssociation",
        ["taskSg"] = "aws:ec2/securityGroup:SecurityGroup",
        ["endpointSg"] = "aws:ec2/securityGroup:SecurityGroup",
        ["s3"] = "aws:ec2/vpcEndpoint:VpcEndpoint",
        ["logGroup"] = "aws:cloudwatch/logGroup:LogGroup",
        ["taskDef"] = "aws:ecs/taskDefinition:TaskDefinition",
        ["service"] = "aws:ecs/service:Service",
        ["schedule"] = "aws:scheduler/schedule:Schedule",
    };

    private static string ContainerDefinitions(string region, int cell) =>
        "[{\"name\":\"app\",\"image\":\"123456789012.dkr.ecr." + region + ".amazonaws.com/app:" + cell.ToString(CultureInfo.InvariantCulture)
        + "\",\"logConfiguration\":{\"logDriver\":\"awslogs\",\"options\":{\"awslogs-group\":\"/ecs/app" + cell.ToString(CultureInfo.InvariantCulture)
        + "\"}},\"secrets\":[{\"name\":\"DB\",\"valueFrom\":\"arn:aws:secretsmanager:" + region + ":123456789012:secret:db\"}]}]";

    private static string Urn(string type, string name) => $"urn:pulumi:bench::fargate::{type}::{name}";

    private static StringValue S(string value) => new(value);

    private static ObjectValue Obj(params (string Key, PropertyValue Value)[] props) => new(props.ToDictionary(p => p.Key, p => p.Value));

    private static StackResource Resource(List<StackResource> list, string type, string name, bool byId, params (string Key, PropertyValue Value)[] props) =>
        new(Urn(type, name), type, name, Obj(props), byId ? $"id-{name}" : null);
}
