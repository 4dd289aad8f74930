// The platform tests kill and start real processes on a 2-core machine: in parallel they would starve each other.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
