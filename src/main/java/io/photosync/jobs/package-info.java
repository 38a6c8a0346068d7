/**
 * Durable work on db-scheduler and the shared database, and the sync job. Every module's durable
 * work is a {@link io.photosync.jobs.DurableTask} made by {@link io.photosync.jobs.DurableTasks}
 * (correlation id on every log line, back-off and a last give-up for faults,
 * {@link io.photosync.jobs.RetryLater} for Microsoft's Retry-After, revival of a dead worker's
 * work) or a {@link io.photosync.jobs.Recurring} schedule; nothing outside this package sees
 * db-scheduler.
 *
 * <p>Every sync a person asks for is a row in {@code sync_job} and a task instance, so jobs survive
 * restarts and replicas. Written here is only what db-scheduler cannot do: one job per delivered
 * request ({@code request_key}), at most one running sync per person across replicas
 * ({@code subject_lease}), and retry times taken from the outcome. Listeners (the bot, the audit)
 * turn job events into card updates and entries.
 */
package io.photosync.jobs;
