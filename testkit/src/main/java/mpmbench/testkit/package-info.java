/**
 * What the modules' tests share: {@link mpmbench.testkit.PackageRules}, the check that each package
 * uses only the packages its {@code package-info.java} says it may use. Test code only: no module
 * depends on it at run time.
 *
 * <p>May use: ArchUnit and JUnit's assertions; no other package of mpmbench.
 */
package mpmbench.testkit;
