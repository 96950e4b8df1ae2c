using BenchmarkDotNet.Running;

// `dotnet run -c Release -- --filter '*'` runs them all; `--list flat` names them; `--job short` for a quick pass.
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
