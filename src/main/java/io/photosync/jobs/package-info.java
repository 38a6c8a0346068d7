/**
 * Durable sync jobs. Every sync a person asks for is a row in {@code sync_job} and an execution in
 * db-scheduler's {@code scheduled_tasks}, on the shared database, so jobs survive restarts, a job
 * whose worker died is revived by another replica, and retries wait as long as Microsoft asks.
 *
 * <p>db-scheduler does the queueing, locking, heartbeats and revival. Written here is only what it
 * cannot do: one job per delivered request ({@code request_key}), at most one running sync per
 * person across replicas ({@code subject_lease}), and retry times taken from the outcome's
 * {@code Retry-After}. Listeners (the bot) turn job events into card updates.
 */
package io.photosync.jobs;
