// Placeholder entry point; the policy pack is built in issues 4 and 5.
return 0;
