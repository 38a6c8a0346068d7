/**
 * What the replicas share besides the job queue: rate limits (the proactive send rate, the
 * SharePoint resource-unit budget) kept as Bucket4j buckets in PostgreSQL, so two or four replicas
 * together stay inside one tenant's limits.
 */
package io.photosync.cluster;
