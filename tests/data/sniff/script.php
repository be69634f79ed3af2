<?php echo 'bonjour'; ?>
