package mpmbench.server.handler;

import java.util.Locale;

import mpmbench.server.http.StatusPage;
import mpmbench.server.http.request.HttpRequest;
import mpmbench.server.http.response.Response;

/**
 * {@code GET /server-status} and {@code /server-status?auto}: the scoreboard rendered by a
 * {@link StatusPage}, as text/plain. Allocates (a StringBuilder per request): not a hot path.
 * With a {@link CpuPlant} on, {@code ?auto} adds its lines for the process that answered:
 * {@code MpmbenchPlantTokens}, {@code MpmbenchPlantCalls} and {@code MpmbenchPlantCpuNsPerCall} (the
 * timed calls' mean, empty before the first).
 */
final class ServerStatus implements Endpoint {

    private final StatusPage page;
    private final CpuPlant plant;

    ServerStatus(StatusPage page, CpuPlant plant) {
        this.page = page;
        this.plant = plant;
    }

    @Override
    public void handle(HttpRequest request, Response response) {
        StringBuilder sb = new StringBuilder(1024);
        boolean auto = request.query().contentEquals("auto");
        page.render(auto, sb);
        if (auto && plant.tokens() > 0) {
            double ns = plant.sampledCpuNsPerCall();
            sb.append("MpmbenchPlantTokens: ").append(plant.tokens()).append('\n')
              .append("MpmbenchPlantCalls: ").append(plant.calls()).append('\n')
              .append("MpmbenchPlantCpuNsPerCall: ").append(Double.isNaN(ns) ? "" : String.format(Locale.ROOT, "%.1f", ns))
              .append('\n');
        }
        response.text().append(sb);
        response.sendText();
    }
}
