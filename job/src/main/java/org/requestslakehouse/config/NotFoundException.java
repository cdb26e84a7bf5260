package org.requestslakehouse.config;

/**
 * Something a setting points at does not exist: an input file, or the tables a command reads in the warehouse.
 * The message names the setting (and its flag) and what to do about it.
 */
public class NotFoundException extends ConfigException {
    public NotFoundException(String message) {
        super(message);
    }
}
