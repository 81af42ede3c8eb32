run_wildfly_server() { die "WildFly: not yet"; }
stop_wildfly_server() { :; }
