/**
 * The {@code spil} command: one picocli command per capability, each parsing its options, calling
 * one operation of {@code org.spil.app} and rendering the result as text or JSON.
 *
 * <p>Entry point: {@link org.spil.cli.Spil#main}. {@code Failures} turns exceptions into one line
 * and an exit code (2 for bad input or a refusal, naming the flag of a bad field); {@code
 * TerminalText} escapes control characters in anything quoted from data.
 */
package org.spil.cli;
