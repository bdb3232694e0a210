package io.nestedge.model.io.yaml;

/**
 * Marker for the records a tool config is bound to: {@link YamlSupport} records where in the file each
 * one started, so errors found after binding still name a line.
 */
interface YamlNode {
}
