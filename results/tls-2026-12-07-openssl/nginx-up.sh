# Sourced by ab-openssl.sh and rss-churn.sh: starts nginx over TLS (scripts/peers/nginx-https.conf.template,
# a certificate made for the run by scripts/make-test-cert, one log line per new connection: r when it
# resumed a session) pinned to CPU 0, on $PORT, in $OUT; stops it (and deletes the key) on exit. Needs W, OUT, PORT, URL.
# NGINX_RESUME=off: no session cache and no tickets, so every handshake is full whatever the client offers.
mkdir -p "$OUT/www" "$OUT/tmp"; printf 'Hello, World!' > "$OUT/www/hello"; chmod -R a+rX "$OUT"
"$W/scripts/make-test-cert" "$OUT/cert" > /dev/null || { echo "make-test-cert failed" >&2; exit 1; }
sed -e "s#@PORT@#$PORT#; s#@RUN@#$OUT#g; s#@DOCROOT@#$OUT/www#; s#@CERT@#$OUT/cert/cert.pem#; s#@KEY@#$OUT/cert/key.pem#" \
  -e "s#^http {#http {\n    client_body_temp_path $OUT/tmp; proxy_temp_path $OUT/tmp; fastcgi_temp_path $OUT/tmp; uwsgi_temp_path $OUT/tmp; scgi_temp_path $OUT/tmp;#" \
  -e "s#^\( *\)access_log off;#\1map \$connection_requests \$ab_new { 1 1; default 0; }\n\1log_format ab_hs '\$ssl_session_reused';\n\1access_log $OUT/handshakes.log ab_hs if=\$ab_new;#" \
  "$W/scripts/peers/nginx-https.conf.template" > "$OUT/nginx.conf"
if [[ ${NGINX_RESUME:-on} == off ]]; then
  sed -i -e 's#^\( *\)ssl_session_cache .*#\1ssl_session_cache off;#; s#^\( *\)ssl_session_tickets .*#\1ssl_session_tickets off;#' "$OUT/nginx.conf"
  grep -q 'ssl_session_tickets off;' "$OUT/nginx.conf" && grep -q 'ssl_session_cache off;' "$OUT/nginx.conf" \
    || { echo "NGINX_RESUME=off: no ssl_session_cache/ssl_session_tickets line to turn off" >&2; exit 1; }
fi
: > "$OUT/handshakes.log"
setsid taskset -c 0 nginx -c "$OUT/nginx.conf" -g 'daemon off;' > "$OUT/nginx.out" 2>&1 & NG=$!
trap 'kill -TERM $NG 2>/dev/null; wait $NG 2>/dev/null; rm -f "$OUT/cert/key.pem"' EXIT
for _ in $(seq 50); do [[ "$(curl -sk "$URL" 2>/dev/null)" == "Hello, World!" ]] && break; sleep 0.1; done
[[ "$(curl -sk "$URL" 2>/dev/null)" == "Hello, World!" ]] || { echo "nginx did not come up (see $OUT)" >&2; exit 1; }

