using System.Text;
using FargateNetwork.Infra;

// Pulumi reads the template from stdout: UTF-8 without a BOM, nothing else.
var stdout = new StreamWriter(Console.OpenStandardOutput(), new UTF8Encoding(false)) { AutoFlush = false };
var stderr = new StreamWriter(Console.OpenStandardError(), new UTF8Encoding(false)) { AutoFlush = true };
var code = Compiler.Run(args, new ProcessEnvironment(), stdout, stderr);
stdout.Flush();
return code;
