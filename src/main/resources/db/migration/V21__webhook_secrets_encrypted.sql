-- Webhook secrets encrypted at rest (issue 11).
-- secret: the AES-256-GCM ciphertext in Base64 (IV, ciphertext, tag), room for a 200-character
--   secret of up to 4 bytes per character.
-- secret_key_id: the id of the key that encrypted it (GREENLIGHT_ENCRYPTION_KEY, or a previous
--   key after a rotation). NULL: the secret is still plain text, as every secret stored before
--   this migration; the server encrypts these at its next start (WebhookSecretsAtRest), and
--   after a key rotation it encrypts again what a previous key encrypted.
ALTER TABLE webhook_subscription ALTER COLUMN secret SET DATA TYPE VARCHAR(1200);
ALTER TABLE webhook_subscription ADD COLUMN secret_key_id VARCHAR(32);
