/**
 * The photo doctor ("why is my photo not showing?", "doctor <who>"): examines one person's account,
 * mailbox, Microsoft 365 photo, SharePoint profile, rendition file, placeholder, last sync and the
 * tenant's photo policy, and answers with a {@link io.photosync.doctor.Diagnosis} — a finding per
 * check, with what to do next. It reads only, through sync/'s ports and its own
 * {@link io.photosync.doctor.PhotoInspection}.
 */
package io.photosync.doctor;
