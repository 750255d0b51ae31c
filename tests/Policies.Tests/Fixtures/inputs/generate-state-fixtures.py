# Writes broken-stack-export.json, broken-preview.json and broken-preview-create.json: the stack of
# broken-template.yaml as Pulumi would store it (stack export --show-secrets) and show it (preview --json of an
# update, and of the first deployment). Run it in this folder: python3 generate-state-fixtures.py
import json, copy
STACK_URN="urn:pulumi:dev::orders::pulumi:pulumi:Stack::orders-dev"
PROV_URN="urn:pulumi:dev::orders::pulumi:providers:aws::default_7_48_0"
PROV_ID="5b5b4b2e-3c2a-4e59-9d8e-1c1f4f6a2b10"
SIG="4dabf18193072939515e22adb298388d"; SECRET="1b47061264138c4ac30d75fd1eb44270"
ACC="123456789012"; R="ap-northeast-1"
def urn(t,n,parent_t=None): return f"urn:pulumi:dev::orders::{(parent_t+'$') if parent_t else ''}{t}::{n}"
ids={"vpc":"vpc-0c1d2e3f4a5b6c7d8","task-subnet-a":"subnet-0a11b22c33d44e55f","task-subnet-c":"subnet-0c66d77e88f99a00b",
"route-table-a":"rtb-0aa1bb2cc3dd4ee5f","route-table-c":"rtb-0cc6dd7ee8ff9aa0b","route-table-association-a":"rtbassoc-0a1b2c3d4e5f60718",
"route-table-association-c":"rtbassoc-0c1d2e3f4a5b60718","endpoint-security-group":"sg-0e1e2e3e4e5e6e7e8","task-security-group":"sg-0f1f2f3f4f5f6f7f8",
"endpoint-ecr-dkr":"vpce-0d1d2d3d4d5d6d7d8","endpoint-logs":"vpce-0l1l2l3l4l5l6l7l8".replace('l','b'),"endpoint-s3":"vpce-0a5a5a5a5a5a5a5a5",
"cluster":f"arn:aws:ecs:{R}:{ACC}:cluster/orders","log-group":"/ecs/orders","task-definition":"orders","service":f"arn:aws:ecs:{R}:{ACC}:service/orders/service-4d1c9e2"}
T={"vpc":"aws:ec2/vpc:Vpc","task-subnet-a":"aws:ec2/subnet:Subnet","task-subnet-c":"aws:ec2/subnet:Subnet","route-table-a":"aws:ec2/routeTable:RouteTable","route-table-c":"aws:ec2/routeTable:RouteTable",
"route-table-association-a":"aws:ec2/routeTableAssociation:RouteTableAssociation","route-table-association-c":"aws:ec2/routeTableAssociation:RouteTableAssociation",
"endpoint-security-group":"aws:ec2/securityGroup:SecurityGroup","task-security-group":"aws:ec2/securityGroup:SecurityGroup",
"endpoint-ecr-dkr":"aws:ec2/vpcEndpoint:VpcEndpoint","endpoint-logs":"aws:ec2/vpcEndpoint:VpcEndpoint","endpoint-s3":"aws:ec2/vpcEndpoint:VpcEndpoint",
"cluster":"aws:ecs/cluster:Cluster","log-group":"aws:cloudwatch/logGroup:LogGroup","task-definition":"aws:ecs/taskDefinition:TaskDefinition","service":"aws:ecs/service:Service"}
def U(n): return urn(T[n],n,"aws:ecs/cluster:Cluster" if n=="service" else None)
tdarn=f"arn:aws:ecs:{R}:{ACC}:task-definition/orders:3"
containers=[{"name":"app","image":f"{ACC}.dkr.ecr.{R}.amazonaws.com/orders:2.3.1","essential":True,
 "environment":[{"name":"DB_URL","value":"postgres://orders:Hunter2-Plaintext-7f3a@db.internal:5432/orders"},{"name":"PRICE","value":"$5 per order"}],
 "logConfiguration":{"logDriver":"awslogs","options":{"awslogs-group":"/ecs/orders","awslogs-region":R,"awslogs-stream-prefix":"app"}}}]
def secret(v): return {SIG:SECRET,"plaintext":json.dumps(v)}
iface=lambda svc,subs: {"vpcId":ids["vpc"],"serviceName":f"com.amazonaws.{R}.{svc}","vpcEndpointType":"Interface","privateDnsEnabled":True,"subnetIds":[ids[s] for s in subs],"securityGroupIds":[ids["endpoint-security-group"]],"__defaults":["autoAccept"]}
inputs={
"vpc":({"cidrBlock":"10.0.0.0/16","enableDnsSupport":True,"enableDnsHostnames":True,"tags":{"Name":"dev-vpc"},"__defaults":[]},{}),
"task-subnet-a":({"vpcId":ids["vpc"],"cidrBlock":"10.0.0.0/20","availabilityZone":f"{R}a","__defaults":[]},{"vpcId":["vpc"]}),
"task-subnet-c":({"vpcId":ids["vpc"],"cidrBlock":"10.0.16.0/20","availabilityZone":f"{R}c","__defaults":[]},{"vpcId":["vpc"]}),
"route-table-a":({"vpcId":ids["vpc"],"__defaults":[]},{"vpcId":["vpc"]}),
"route-table-c":({"vpcId":ids["vpc"],"__defaults":[]},{"vpcId":["vpc"]}),
"route-table-association-a":({"subnetId":ids["task-subnet-a"],"routeTableId":ids["route-table-a"],"__defaults":[]},{"subnetId":["task-subnet-a"],"routeTableId":["route-table-a"]}),
"route-table-association-c":({"subnetId":ids["task-subnet-c"],"routeTableId":ids["route-table-c"],"__defaults":[]},{"subnetId":["task-subnet-c"],"routeTableId":["route-table-c"]}),
"endpoint-security-group":({"vpcId":ids["vpc"],"description":"HTTPS from the VPC to the interface endpoints","ingress":[{"protocol":"tcp","fromPort":443,"toPort":443,"cidrBlocks":["10.0.0.0/16"],"self":False,"__defaults":["self"]}],"revokeRulesOnDelete":False,"__defaults":["name","revokeRulesOnDelete"]},{"vpcId":["vpc"]}),
"task-security-group":({"vpcId":ids["vpc"],"description":"orders tasks","egress":[{"protocol":"-1","fromPort":0,"toPort":0,"cidrBlocks":["0.0.0.0/0"],"self":False,"__defaults":["self"]}],"revokeRulesOnDelete":False,"__defaults":["name","revokeRulesOnDelete"]},{"vpcId":["vpc"]}),
"endpoint-ecr-dkr":(iface("ecr.dkr",["task-subnet-a","task-subnet-c"]),{"vpcId":["vpc"],"subnetIds":["task-subnet-a","task-subnet-c"],"securityGroupIds":["endpoint-security-group"]}),
"endpoint-logs":(iface("logs",["task-subnet-a","task-subnet-c"]),{"vpcId":["vpc"],"subnetIds":["task-subnet-a","task-subnet-c"],"securityGroupIds":["endpoint-security-group"]}),
"endpoint-s3":({"vpcId":ids["vpc"],"serviceName":f"com.amazonaws.{R}.s3","vpcEndpointType":"Gateway","routeTableIds":[ids["route-table-a"]],"__defaults":["autoAccept"]},{"vpcId":["vpc"],"routeTableIds":["route-table-a"]}),
"cluster":({"name":"orders","__defaults":[]},{}),
"log-group":({"name":"/ecs/orders","retentionInDays":30,"skipDestroy":False,"__defaults":["skipDestroy"]},{}),
"task-definition":({"family":"orders","requiresCompatibilities":["FARGATE"],"networkMode":"awsvpc","cpu":"512","memory":"1024","containerDefinitions":secret(json.dumps(containers)),"__defaults":["skipDestroy","trackLatest"]},{"containerDefinitions":["log-group"]}),
"service":({"cluster":ids["cluster"],"taskDefinition":tdarn,"desiredCount":2,"launchType":"FARGATE","platformVersion":"LATEST","networkConfiguration":{"subnets":[ids["task-subnet-a"],ids["task-subnet-c"]],"securityGroups":[ids["task-security-group"]],"assignPublicIp":False},"__defaults":["waitForSteadyState"]},{"cluster":["cluster"],"taskDefinition":["task-definition"],"networkConfiguration":["task-subnet-a","task-subnet-c","task-security-group"]}),
}
def outputs(n,inp):
    o={k:v for k,v in inp.items() if k!="__defaults"}
    o["id"]=ids[n]
    if n=="vpc": o.update(arn=f"arn:aws:ec2:{R}:{ACC}:vpc/{ids[n]}",defaultRouteTableId="rtb-0main0000000000",ownerId=ACC)
    if n.startswith("task-subnet"): o.update(arn=f"arn:aws:ec2:{R}:{ACC}:subnet/{ids[n]}",mapPublicIpOnLaunch=False,availabilityZoneId="apne1-az4" if n.endswith("a") else "apne1-az1")
    if n.startswith("route-table-") and "association" not in n: o.update(routes=[],arn=f"arn:aws:ec2:{R}:{ACC}:route-table/{ids[n]}")
    if n.startswith("endpoint-") and "security" not in n: o.update(arn=f"arn:aws:ec2:{R}:{ACC}:vpc-endpoint/{ids[n]}",state="available",policy="{\"Statement\":[{\"Action\":\"*\",\"Effect\":\"Allow\",\"Principal\":\"*\",\"Resource\":\"*\"}]}")
    if n=="cluster": o.update(arn=ids[n])
    if n=="log-group": o.update(arn=f"arn:aws:logs:{R}:{ACC}:log-group:/ecs/orders")
    if n=="task-definition": o.update(arn=tdarn,arnWithoutRevision=f"arn:aws:ecs:{R}:{ACC}:task-definition/orders",revision=3)
    if n=="service": o.update(name="service-4d1c9e2")
    return o
res=[{"urn":STACK_URN,"custom":False,"type":"pulumi:pulumi:Stack","outputs":{"serviceName":"service-4d1c9e2"},"created":"2026-11-20T09:12:03.118Z","modified":"2026-11-20T09:12:03.118Z"},
     {"urn":PROV_URN,"custom":True,"id":PROV_ID,"type":"pulumi:providers:aws","inputs":{"__internal":{},"region":R,"skipCredentialsValidation":"false","skipRegionValidation":"true","version":"7.48.0"},"outputs":{"region":R,"version":"7.48.0"},"created":"2026-11-20T09:12:04.020Z","modified":"2026-11-20T09:12:04.020Z"}]
order=list(inputs)
for n in order:
    inp,deps=inputs[n]
    pd={k:[U(d) for d in v] for k,v in deps.items()}
    r={"urn":U(n),"custom":True,"id":ids[n],"type":T[n],"inputs":inp,"outputs":outputs(n,inp),
       "parent":U("cluster") if n=="service" else STACK_URN,
       "dependencies":sorted({u for v in pd.values() for u in v}),"provider":f"{PROV_URN}::{PROV_ID}","propertyDependencies":pd,
       "created":"2026-11-20T09:13:41.552Z","modified":"2026-11-20T09:13:41.552Z"}
    if n=="task-definition": r["outputs"]["containerDefinitions"]=secret(json.dumps(containers))
    res.append(r)
export={"version":3,"deployment":{"manifest":{"time":"2026-11-20T09:15:02.771Z","magic":"4d3a1e0c9f2b8a7d6e5c4b3a29180716f5e4d3c2b1a0918273645546372819a0","version":"v3.205.0"},
 "secrets_providers":{"type":"passphrase","state":{"salt":"v1:Qm9uam91cg==:v1:c2FsdHNhbHQ=:ZW5jcnlwdGVk"}},"resources":res}}
json.dump(export,open("broken-stack-export.json","w"),indent=4); open("broken-stack-export.json","a").write("\n")

# preview: the deployed stack plus a change: a new route table c and association (ids unknown), task definition update.
UNK="04da6b54-80e4-46f7-96ec-b56ff0331ba9"
steps=[]
def strip(r):  # how preview shows a new state before the step runs: inputs, no id, no outputs
    s={k:v for k,v in r.items() if k not in ("id","outputs","created","modified")}
    return s
def mask(v):
    if isinstance(v,dict):
        if v.get(SIG)==SECRET: return "[secret]"
        return {k:mask(x) for k,x in v.items()}
    if isinstance(v,list): return [mask(x) for x in v]
    return v
for r in res:
    n=r["urn"].split("::")[-1]
    old=mask(copy.deepcopy(r)); new=mask(strip(copy.deepcopy(r)))
    op="same"
    if n=="route-table-c":
        op="create"; old=None; new["inputs"]["vpcId"]=ids["vpc"]
    if n=="route-table-association-c":
        op="create"; old=None; new["inputs"]["routeTableId"]=UNK
    if n=="task-definition":
        op="replace"
    steps.append({"op":op,"urn":r["urn"],"provider":r.get("provider",""),**({"oldState":old} if old else {}),"newState":new})
    if n=="task-definition":
        steps.append({"op":"create-replacement","urn":r["urn"],"provider":r["provider"],"oldState":old,"newState":new})
# a NAT gateway the update removes: delete steps carry no newState
nat=urn("aws:ec2/natGateway:NatGateway","old-nat")
steps.append({"op":"delete","urn":nat,"provider":f"{PROV_URN}::{PROV_ID}","oldState":{"urn":nat,"custom":True,"id":"nat-0123456789abcdef0","type":"aws:ec2/natGateway:NatGateway","inputs":{"subnetId":"subnet-0dead0beef0000000","connectivityType":"private"},"outputs":{},"parent":STACK_URN}})
preview={"config":{"aws:region":R,"orders:dbUrl":"[secret]"},"steps":steps,"diagnostics":[{"message":"warning: the task definition will be replaced\n","severity":"warning"}],
 "duration":4211000000,"changeSummary":{"create":2,"delete":1,"replace":1,"same":15}}
json.dump(preview,open("broken-preview.json","w"),indent=4); open("broken-preview.json","a").write("\n")

# A first deployment: every step creates, every reference is unknown with its property dependencies.
def unknownize(n, inp, deps):
    inp = copy.deepcopy(inp)
    idvals = {ids[d]: d for d in ids}
    idvals[tdarn] = "task-definition"
    def walk(v):
        if isinstance(v, dict):
            if v.get(SIG)==SECRET: return "[secret]"
            return {k: walk(x) for k, x in v.items()}
        if isinstance(v, list): return [walk(x) for x in v]
        if isinstance(v, str) and v in idvals: return UNK
        return v
    return walk(inp)
steps=[]
for r in res:
    n=r["urn"].split("::")[-1]
    new={k:v for k,v in r.items() if k not in ("id","outputs","created","modified")}
    if "inputs" in new and r["type"].startswith("aws:"):
        new["inputs"]=unknownize(n, r["inputs"], r.get("propertyDependencies",{}))
    steps.append({"op":"create","urn":r["urn"],"provider":r.get("provider",""),"newState":new})
preview={"config":{"aws:region":R,"orders:dbUrl":"[secret]"},"steps":steps,"duration":3820000000,"changeSummary":{"create":len(steps)}}
json.dump(preview,open("broken-preview-create.json","w"),indent=4); open("broken-preview-create.json","a").write("\n")
