/**
 * Outbound HTTP shared by the adapters: one OkHttp client with the timeouts and the TLS trust the
 * deployment needs (the JDK's trust store, plus one extra certificate when configured, which is how
 * the simulated tenant and TLS-inspecting proxies are trusted).
 */
package io.photosync.http;
