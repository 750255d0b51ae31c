// Placeholder entry point; the compiler is built in issue 3.
return 0;
