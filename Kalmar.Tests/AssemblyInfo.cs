// Cluster fixtures share 2 cores; running them one at a time keeps the suite fast and steady.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
