/**
 * Runs over many people: a tenant scan ("scan", "scan and fix", "scan and nudge", or on a
 * schedule) and a group sync ("sync photos for group …"). A run pages through the members, finds
 * whose SharePoint photo is current, stale or missing, acts on them as asked (a sync job each, or
 * a nudge), follows that work on the operator's card to the end, and keeps a report.
 * {@link io.photosync.scan.Scans} is the entry; a run's durable steps are jobs/ tasks.
 */
package io.photosync.scan;
