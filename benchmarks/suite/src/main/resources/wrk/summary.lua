-- mpmbench suite --generator wrk: wrk 4's done() prints a summary the suite reads (WrkSummary).
-- Lines after wrk's own console summary, one fact each, space-separated, integers:
--   mpmbench-wrk-summary 1
--   duration_us D          wrk's measured window (its clock: start to the threads' join)
--   requests N             completed responses in it
--   bytes B                bytes read
--   errors connect C read R write W status S timeout T
--   cpu_us U               wrk's own CPU (user + sys, every thread) from its start to here
--   latency V N            one per histogram bucket: N requests of V µs, as wrk holds them now
--                          (after its own coordinated-omission correction; the suite undoes it)
--   end
-- No response() or request() function: wrk keeps its fast path (pre-built request, no header parsing).

done = function(summary, latency, requests)
   local cpu = os.clock()
   local e = summary.errors
   local out = {
      "mpmbench-wrk-summary 1",
      string.format("duration_us %d", summary.duration),
      string.format("requests %d", summary.requests),
      string.format("bytes %d", summary.bytes),
      string.format("errors connect %d read %d write %d status %d timeout %d",
                    e.connect, e.read, e.write, e.status, e.timeout),
      string.format("cpu_us %d", cpu * 1e6),
   }
   for i = 1, #latency do
      local v, n = latency(i)
      out[#out + 1] = string.format("latency %d %d", v, n)
   end
   out[#out + 1] = "end"
   io.write(table.concat(out, "\n"), "\n")
   io.flush()
end
