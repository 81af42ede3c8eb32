-- Outside deliveries are claimed under the node's full name (Installation.nodeName: host, server
-- instance and process, or wushe.node.name), as the nightly lease and the inbox claims are; every
-- GlassFish or Payara instance is called "server", so two nodes claimed under one name.
ALTER TABLE notification_delivery ALTER COLUMN claimed_by SET DATA TYPE VARCHAR(200);
