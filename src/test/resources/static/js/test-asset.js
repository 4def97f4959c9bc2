// A static asset that no filter sets cache headers on (see AdminSecurityTests).
