package io.photosync.bot;

/** The card makers a handler of several capabilities answers with, each its own. */
record Replies(Notices notices, SyncCards sync, HelpdeskCards helpdesk, DoctorCards doctor, RunCards runs, NudgeCards nudges,
               NewPhotoCards newPhotos) {
}
