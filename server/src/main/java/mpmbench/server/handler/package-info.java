/**
 * The workload endpoints ({@code /hello}, {@code /bytes}, {@code /cpu}, {@code /sleep},
 * {@code /echo}, {@code /server-status}) behind one {@link mpmbench.server.handler.Router}, identical
 * for every model: stateless, shared by every serving thread, and allocation-free on the paths a
 * benchmark measures. Each endpoint describes its answer in a {@code Response}; the connection loop
 * writes it (and streams /echo's body through, and honours /hello's validators). {@code CpuPlant} is the
 * calibration tool {@code MpmbenchPlantCpu} (CPU work of known size before every request is routed), and
 * {@code PlantCalibration} measures what its unit costs.
 *
 * <p>May use {@code http}, {@code http.request}, {@code http.response} and {@code http.ascii};
 * nothing else of the server, so the endpoints know no model, process or scoreboard (the status page
 * arrives as a {@code StatusPage}).
 */
package mpmbench.server.handler;
