{{%AUTOESCAPE context="HTML"}}<fieldset class="group">
  <legend>{{LABEL}}</legend>
  {{#HINT}}<p class="hint">{{TEXT}}</p>{{/HINT}}
  {{#CONTROL}}{{>FIELD}}{{/CONTROL}}
</fieldset>
