/**
 * The {@code tunestream} command line: picocli commands, their options and exit codes. Commands are
 * thin: process orchestration lives in {@code local}, REST calls in {@code client}, and what is printed
 * or written in {@code report}, so that the end-to-end tests drive the same code as the commands.
 */
package io.tunestream.cli;
