// Prints one line, as the analyzer prints its port line and the compiler its template.
Console.Out.Write("0\n");
Console.Out.Flush();
