// The `accel` command line: one verb per job (the table is in Verbs.cs), --help on each, --json on stdout,
// tables on stderr. Exit codes: 0 success, 1 a failed check, 2 bad usage or bad input, 70 a bug in Accel.
// The process is the command's own: its GC heap is held to the memory budget (Limits/Watchdog.cs).
Accel.Cli.Limits.Watchdog.OwnsProcess = true;
return Accel.Cli.Verbs.Dispatch(args);
