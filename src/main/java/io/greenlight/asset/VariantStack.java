package io.greenlight.asset;

/**
 * One variant of an asset (null: the main one) with its two pointers: the latest version
 * and the approved one (null until a version of this variant is approved).
 */
public record VariantStack(String variant, AssetVersion latest, AssetVersion approved) {
}
