/**
 * The flags of {@code mpmbench load}, declared once ({@link mpmbench.loadgen.flags.LoadFlags}, a picocli
 * mixin) for the command line and for the agents, which read their share of a load with the same
 * declarations; the converters of durations and address ranges.
 *
 * <p>May use: the root package (the flags build a {@link mpmbench.loadgen.LoadSpec}), {@code http};
 * picocli; the JDK.
 */
package mpmbench.loadgen.flags;
