// Each collection starts a whole platform and a browser; on two cores running them side by side only makes both slow.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
