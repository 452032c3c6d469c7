/**
 * Work handed to an executor that the caller runs itself if no thread has started it by the time it needs the result:
 * how the analyses run their independent queries side by side on the agent's bounded executor without ever waiting on
 * a queue that cannot drain. Internal to costagent-core (not exported).
 *
 * <p>The entry type is {@link dev.costagent.core.analysis.fork.Fork}.
 */
package dev.costagent.core.analysis.fork;
